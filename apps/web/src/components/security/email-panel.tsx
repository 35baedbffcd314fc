"use client";

import { useQuery } from "@tanstack/react-query";
import { Field } from "~/components/field";
import { formText } from "~/lib/form";
import { useT } from "~/lib/i18n";
import { useTRPC } from "~/lib/trpc";
import { useFormMutation } from "~/lib/use-form-mutation";

/** Changes the address: a 1-hour link goes to the new one, which takes effect when opened. */
export function EmailPanel() {
  const t = useT();
  const trpc = useTRPC();
  const me = useQuery(trpc.users.me.queryOptions());
  const methods = useQuery(trpc.identities.list.queryOptions());
  const {
    mutation: change,
    onSubmit: submit,
    error,
  } = useFormMutation(trpc.users.changeEmail.mutationOptions(), (form) => ({
    email: formText(form, "email"),
    password: formText(form, "password") || undefined,
  }));

  return (
    <section className="panel" data-testid="email-panel">
      <h2>{t("security.email")}</h2>
      <p>{me.data?.email ?? "—"}</p>
      <form className="stack" onSubmit={submit}>
        <Field
          label={t("security.newEmail")}
          name="email"
          type="email"
          autoComplete="email"
          required
          errors={error?.fieldErrors.email}
        />
        {methods.data?.hasPassword !== false ? (
          <Field
            label={t("security.currentPassword")}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            errors={error?.fieldErrors.password}
          />
        ) : null}
        <button type="submit" disabled={change.isPending}>
          {t("security.changeEmail")}
        </button>
        {change.isSuccess ? <p role="status">{t("security.emailLinkSent")}</p> : null}
        {error && !error.fieldErrors.email && !error.fieldErrors.password ? (
          <p className="form-error" role="alert">
            {error.message}
          </p>
        ) : null}
      </form>
    </section>
  );
}
