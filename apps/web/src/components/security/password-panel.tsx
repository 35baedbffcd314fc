"use client";

import { toGuildhallError } from "@guildhall/client";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Field } from "~/components/field";
import { formText } from "~/lib/form";
import { useT } from "~/lib/i18n";
import { useTRPC } from "~/lib/trpc";

export function PasswordPanel() {
  const t = useT();
  const trpc = useTRPC();
  const change = useMutation(trpc.auth.changePassword.mutationOptions());
  // Accounts made through a provider set their first password without a current one.
  const methods = useQuery(trpc.identities.list.queryOptions());
  const hasPassword = methods.data?.hasPassword !== false;
  const [done, setDone] = useState(false);
  const error = change.error ? toGuildhallError(change.error) : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    change.mutate(
      {
        currentPassword: hasPassword ? formText(form, "currentPassword") : undefined,
        newPassword: formText(form, "newPassword"),
        endOtherSessions: form.get("endOthers") === "on",
      },
      { onSuccess: () => setDone(true) },
    );
  }

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
