import { permissionLabel, translate } from "@guildhall/core/i18n";
import { notFound } from "next/navigation";
import { CataloguePanel } from "~/components/features/catalogue-panel";
import { HubFeaturesPanel } from "~/components/features/hub-features-panel";
import { hubAccess } from "~/server/hub-access";
import { requestLocale } from "~/server/locale";

/** The hub's feature toggles; super admins also manage the instance's catalogue here. */
export default async function FeaturesPage({ params }: { params: Promise<{ hubSlug: string }> }) {
  const { hubSlug } = await params;
  const [access, locale] = await Promise.all([hubAccess(hubSlug), requestLocale()]);
  if (!access) notFound();
  return (
    <>
      <h1 data-testid="page-heading">{translate(locale, "features.heading")}</h1>
      {access.can("feature.read") ? (
        <HubFeaturesPanel hubSlug={access.hub.slug} canManage={access.can("feature.manage")} />
      ) : (
        <p className="note" role="alert">
          {translate(locale, "errors.permissionDenied", {
            permission: permissionLabel(locale, "feature.read"),
          })}
        </p>
      )}
      {access.superAdmin ? <CataloguePanel /> : null}
    </>
  );
}
