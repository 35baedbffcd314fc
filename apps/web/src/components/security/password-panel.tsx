"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Field } from "~/components/field";
import { formText } from "~/lib/form";
import { useT } from "~/lib/i18n";
import { useTRPC } from "~/lib/trpc";
import { useFormMutation } from "~/lib/use-form-mutation";

export function PasswordPanel() {
  const t = useT();
  const trpc = useTRPC();
  // Accounts made through a provider set their first password without a current one.
  const methods = useQuery(trpc.identities.list.queryOptions());
  const hasPassword = methods.data?.hasPassword !== false;
  const [done, setDone] = useState(false);
  const {
    mutation: change,
    onSubmit: submit,
    error,
  } = useFormMutation(
    trpc.auth.changePassword.mutationOptions({ onSuccess: () => setDone(true) }),
    (form) => ({
      currentPassword: hasPassword ? formText(form, "currentPassword") : undefined,
      newPassword: formText(form, "newPassword"),
      endOtherSessions: form.get("endOthers") === "on",
    }),
  );

  return (
    <section className="panel">
      <h2>{t("security.password")}</h2>
      <form className="stack" onSubmit={submit}>
        {hasPassword ? (
          <Field
            label={t("security.currentPassword")}
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            required
            errors={error?.fieldErrors.currentPassword}
          />
        ) : null}
        <Field
          label={t("security.newPassword")}
          name="newPassword"
          type="password"
          autoComplete="new-password"
          required
          errors={error?.fieldErrors.newPassword}
        />
        <label>
          <input type="checkbox" name="endOthers" defaultChecked /> {t("security.endOthers")}
        </label>
        {done ? <p role="status">{t("security.changed")}</p> : null}
        <button type="submit" disabled={change.isPending}>
          {t("security.change")}
        </button>
      </form>
    </section>
  );
}
