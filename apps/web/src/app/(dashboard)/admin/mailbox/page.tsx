import { translate } from "@guildhall/core/i18n";
import { notFound, redirect } from "next/navigation";
import { MailboxPanel } from "~/components/admin/mailbox-panel";
import { currentUser } from "~/server/current-user";
import { requestLocale } from "~/server/locale";

/** The dev mailbox (mail kept while no SMTP_URL is set), for super admins. */
export default async function MailboxPage() {
  const [user, locale] = await Promise.all([currentUser(), requestLocale()]);
  if (!user) redirect("/sign-in");
  if (!user.superAdmin) notFound();
  return (
    <>
      <h1 data-testid="page-heading">{translate(locale, "admin.mailbox")}</h1>
      <p>
        <a href="/admin">{translate(locale, "admin.heading")}</a>
      </p>
      <MailboxPanel />
    </>
  );
}
