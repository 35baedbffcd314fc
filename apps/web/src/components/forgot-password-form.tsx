"use client";

import { Field } from "~/components/field";
import { formText } from "~/lib/form";
import { useT } from "~/lib/i18n";
import { useTRPC } from "~/lib/trpc";
import { useFormMutation } from "~/lib/use-form-mutation";

export function ForgotPasswordForm() {
  const t = useT();
  const trpc = useTRPC();
  const {
    mutation: request,
    onSubmit: submit,
    error,
  } = useFormMutation(trpc.auth.requestPasswordReset.mutationOptions(), (form) => ({
    email: formText(form, "email"),
  }));
  if (request.isSuccess) return <p role="status">{t("auth.resetRequested")}</p>;
  return (
    <form className="auth-form" onSubmit={submit}>
      <Field
        label={t("auth.email")}
        name="email"
        type="email"
        autoComplete="email"
        required
        errors={error?.fieldErrors.email}
      />
      <button type="submit" disabled={request.isPending}>
        {t("auth.sendReset")}
      </button>
    </form>
  );
}
