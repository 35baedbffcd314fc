"use client";

import { Field } from "~/components/field";
import { formText } from "~/lib/form";
import { useT } from "~/lib/i18n";
import { useTRPC } from "~/lib/trpc";
import { FormError } from "~/components/form-error";
import { useFormMutation } from "~/lib/use-form-mutation";

/** The page a reset mail links to: the token comes from the link. */
export function ResetPasswordForm({ token }: { token: string }) {
  const t = useT();
  const trpc = useTRPC();
  const {
    mutation: reset,
    onSubmit: submit,
    error,
  } = useFormMutation(trpc.auth.resetPassword.mutationOptions(), (form) => ({
    token,
    password: formText(form, "password"),
  }));
  if (reset.isSuccess) {
    return (
      <p role="status">
        {t("auth.resetDone")} <a href="/sign-in">{t("auth.signIn")}</a>
      </p>
    );
  }
  return (
    <form className="auth-form" onSubmit={submit}>
      <Field
        label={t("security.newPassword")}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        errors={error?.fieldErrors.password}
      />
      <FormError error={error} fields={["password"]} />
      <button type="submit" disabled={reset.isPending}>
        {t("auth.resetHeading")}
      </button>
    </form>
  );
}
