"use client";

import { toGuildhallError } from "@guildhall/client";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent } from "react";
import { Field } from "~/components/field";
import { formText } from "~/lib/form";
import { useT } from "~/lib/i18n";
import { useTRPC } from "~/lib/trpc";

/** The page a reset mail links to: the token comes from the link. */
export function ResetPasswordForm({ token }: { token: string }) {
  const t = useT();
  const trpc = useTRPC();
  const reset = useMutation(trpc.auth.resetPassword.mutationOptions());
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    reset.mutate({ token, password: formText(new FormData(event.currentTarget), "password") });
  };
  if (reset.isSuccess) {
    return (
      <p role="status">
        {t("auth.resetDone")} <a href="/sign-in">{t("auth.signIn")}</a>
      </p>
    );
  }
  const error = reset.error ? toGuildhallError(reset.error) : null;
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
      {error && !error.fieldErrors.password ? (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      ) : null}
      <button type="submit" disabled={reset.isPending}>
        {t("auth.resetHeading")}
      </button>
    </form>
  );
}
