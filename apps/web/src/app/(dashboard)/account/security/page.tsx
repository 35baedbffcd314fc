import { translate } from "@guildhall/core/i18n";
import { redirect } from "next/navigation";
import { MfaPanel } from "~/components/security/mfa-panel";
import { PasswordPanel } from "~/components/security/password-panel";
import { SessionsPanel } from "~/components/security/sessions-panel";
import { TokensPanel } from "~/components/security/tokens-panel";
import { currentUser } from "~/server/current-user";
import { requestLocale } from "~/server/locale";

export default async function SecurityPage() {
  if (!(await currentUser())) redirect("/sign-in");
  const locale = await requestLocale();
  return (
    <>
      <h1 data-testid="page-heading">{translate(locale, "security.heading")}</h1>
      <PasswordPanel />
      <MfaPanel />
      <SessionsPanel />
      <TokensPanel />
    </>
  );
}
