import { translate } from "@guildhall/core/i18n";
import { notFound, redirect } from "next/navigation";
import { AuditLog } from "~/components/audit/audit-log";
import { currentUser } from "~/server/current-user";
import { requestLocale } from "~/server/locale";

/** The instance's audit log (rows of no hub), for super admins; the API checks again. */
export default async function InstanceAuditPage() {
  const [user, locale] = await Promise.all([currentUser(), requestLocale()]);
  if (!user) redirect("/sign-in");
  if (!user.superAdmin) notFound();
  return (
    <>
      <h1 data-testid="page-heading">{translate(locale, "audit.instanceHeading")}</h1>
      <p className="note">{translate(locale, "audit.instanceIntro")}</p>
      <AuditLog canExport />
    </>
  );
}
