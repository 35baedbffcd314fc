import { permissionLabel, translate } from "@guildhall/core/i18n";
import { notFound } from "next/navigation";
import { AuditLog } from "~/components/audit/audit-log";
import { hubAccess } from "~/server/hub-access";
import { requestLocale } from "~/server/locale";

/** The hub's audit log: filters, paging, and a CSV download for audit.export holders. */
export default async function AuditPage({ params }: { params: Promise<{ hubSlug: string }> }) {
  const { hubSlug } = await params;
  const [access, locale] = await Promise.all([hubAccess(hubSlug), requestLocale()]);
  if (!access) notFound();
  return (
    <>
      <h1 data-testid="page-heading">{translate(locale, "audit.heading")}</h1>
      {access.can("audit.read") ? (
        <AuditLog hubSlug={access.hub.slug} canExport={access.can("audit.export")} />
      ) : (
        <p className="note" role="alert">
          {translate(locale, "errors.permissionDenied", {
            permission: permissionLabel(locale, "audit.read"),
          })}
        </p>
      )}
    </>
  );
}
