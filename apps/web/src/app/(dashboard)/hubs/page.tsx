import { translate } from "@guildhall/core/i18n";
import { redirect } from "next/navigation";
import { HubsPanel } from "~/components/hubs/hubs-panel";
import { currentUser } from "~/server/current-user";
import { requestLocale } from "~/server/locale";

export default async function HubsPage() {
  if (!(await currentUser())) redirect("/sign-in");
  const locale = await requestLocale();
  return (
    <>
      <h1 data-testid="page-heading">{translate(locale, "hubs.heading")}</h1>
      <HubsPanel />
    </>
  );
}
