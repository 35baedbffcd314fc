import { translate } from "@guildhall/core/i18n";
import { notFound, redirect } from "next/navigation";
import { AdminUsersPanel } from "~/components/admin/users-panel";
import { currentUser } from "~/server/current-user";
import { requestLocale } from "~/server/locale";

/** Instance administration, for super admins: accounts and who administers; the API checks again. */
export default async function AdminPage() {
  const [user, locale] = await Promise.all([currentUser(), requestLocale()]);
  if (!user) redirect("/sign-in");
  if (!user.superAdmin) notFound();
  return (
    <>
      <h1 data-testid="page-heading">{translate(locale, "admin.heading")}</h1>
      <p className="note">{translate(locale, "admin.intro")}</p>
      <p>
        <a href="/admin/mailbox" data-testid="admin-mailbox-link">
          {translate(locale, "admin.mailbox")}
        </a>{" "}
        · <a href="/admin/audit">{translate(locale, "nav.instanceAudit")}</a>
      </p>
      <AdminUsersPanel selfId={user.userId} />
    </>
  );
}
