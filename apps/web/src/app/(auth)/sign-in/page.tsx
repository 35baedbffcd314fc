import { translate } from "@guildhall/core/i18n";
import { SignInForm } from "~/components/sign-in-form";
import { requestLocale } from "~/server/locale";

export default async function SignInPage() {
  const locale = await requestLocale();
  return (
    <>
      <h1 data-testid="page-heading">{translate(locale, "auth.signIn")}</h1>
      <SignInForm />
      <p className="note">
        <a href="/forgot-password">{translate(locale, "auth.forgot")}</a>
      </p>
      <p className="note">
        {translate(locale, "auth.noAccount")}{" "}
        <a href="/register">{translate(locale, "auth.register")}</a>
      </p>
    </>
  );
}
