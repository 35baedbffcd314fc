import { translate } from "@guildhall/core/i18n";
import { ConfigPanel } from "~/components/config/config-panel";
import { requestLocale } from "~/server/locale";

/** The hub's configuration sections (the layout has checked membership; the API checks each call). */
export default async function HubConfigPage({ params }: { params: Promise<{ hubSlug: string }> }) {
  const { hubSlug } = await params;
  const locale = await requestLocale();
  return (
    <>
      <h1 data-testid="page-heading">{translate(locale, "config.heading")}</h1>
      <ConfigPanel hubSlug={hubSlug} />
    </>
  );
}
