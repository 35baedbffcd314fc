import { translate } from "@guildhall/core/i18n";
import { ResetPasswordForm } from "~/components/reset-password-form";
import { requestLocale } from "~/server/locale";

export default async function ResetPasswordPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string }>;
}) {
  const [locale, { token }] = await Promise.all([requestLocale(), searchParams]);
  return (
    <>
      <h1 data-testid="page-heading">{translate(locale, "auth.resetHeading")}</h1>
      {token ? (
        <ResetPasswordForm token={token} />
      ) : (
        <p className="form-error">{translate(locale, "auth.confirmFailed")}</p>
      )}
    </>
  );
}
