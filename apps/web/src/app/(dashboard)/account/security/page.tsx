import { one, type SearchParams } from "~/lib/search-params";
import { translate } from "@guildhall/core/i18n";
import { redirect } from "next/navigation";
import { EmailPanel } from "~/components/security/email-panel";
import { IdentitiesPanel } from "~/components/security/identities-panel";
import { MfaPanel } from "~/components/security/mfa-panel";
import { PasswordPanel } from "~/components/security/password-panel";
import { SessionsPanel } from "~/components/security/sessions-panel";
import { TokensPanel } from "~/components/security/tokens-panel";
import { currentUser } from "~/server/current-user";
import { requestLocale } from "~/server/locale";

export default async function SecurityPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const search = await searchParams;
  if (!(await currentUser())) redirect("/sign-in");
  const locale = await requestLocale();
  return (
    <>
      <h1 data-testid="page-heading">{translate(locale, "security.heading")}</h1>
      <PasswordPanel />
      <EmailPanel />
      <MfaPanel />
      <IdentitiesPanel error={one(search.error)} provider={one(search.provider)} />
      <SessionsPanel />
      <TokensPanel />
    </>
  );
}
