import { translate } from "@guildhall/core/i18n";
import { notFound } from "next/navigation";
import { MySites } from "~/components/sites/my-sites";
import { SitesPanel } from "~/components/sites/sites-panel";
import { StreamUsage } from "~/components/sites/stream-usage";
import { hubAccess } from "~/server/hub-access";
import { requestLocale } from "~/server/locale";

/**
 * The hub's sites and their stream configurations (seed 001). Staff with
 * `site.read` see every site; other members see the sites they are assigned to.
 */
export default async function SitesPage({ params }: { params: Promise<{ hubSlug: string }> }) {
  const { hubSlug } = await params;
  const [access, locale] = await Promise.all([hubAccess(hubSlug), requestLocale()]);
  if (!access) notFound();
  const slug = access.hub.slug;
  return (
    <>
      <h1 data-testid="page-heading">{translate(locale, "sites.heading")}</h1>
      {access.can("stream.read") ? <StreamUsage hubSlug={slug} /> : null}
      {access.can("site.read") ? (
        <SitesPanel
          hubSlug={slug}
          canManage={access.can("site.manage")}
          canReadStreams={access.can("stream.read")}
          canManageStreams={access.can("stream.manage")}
        />
      ) : (
        <MySites hubSlug={slug} />
      )}
    </>
  );
}
