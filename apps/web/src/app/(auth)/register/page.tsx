import { translate } from "@guildhall/core/i18n";
import { RegisterForm } from "~/components/register-form";
import { requestLocale } from "~/server/locale";

export default async function RegisterPage() {
  const locale = await requestLocale();
  return (
    <>
      <h1 data-testid="page-heading">{translate(locale, "auth.register")}</h1>
      <RegisterForm />
      <p className="note">
        {translate(locale, "auth.haveAccount")}{" "}
        <a href="/sign-in">{translate(locale, "auth.signIn")}</a>
      </p>
    </>
  );
}
