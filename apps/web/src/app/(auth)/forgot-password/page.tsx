import { translate } from "@guildhall/core/i18n";
import { ForgotPasswordForm } from "~/components/forgot-password-form";
import { requestLocale } from "~/server/locale";

export default async function ForgotPasswordPage() {
  const locale = await requestLocale();
  return (
    <>
      <h1 data-testid="page-heading">{translate(locale, "auth.forgot")}</h1>
      <ForgotPasswordForm />
    </>
  );
}
