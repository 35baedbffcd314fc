"use client";

import { toGuildhallError } from "@guildhall/client";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent } from "react";
import { Field } from "~/components/field";
import { formText } from "~/lib/form";
import { useT } from "~/lib/i18n";
import { useTRPC } from "~/lib/trpc";

export function ForgotPasswordForm() {
  const t = useT();
  const trpc = useTRPC();
  const request = useMutation(trpc.auth.requestPasswordReset.mutationOptions());
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    request.mutate({ email: formText(new FormData(event.currentTarget), "email") });
  };
  if (request.isSuccess) return <p role="status">{t("auth.resetRequested")}</p>;
  const error = request.error ? toGuildhallError(request.error) : null;
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
