"use client";

import { toGuildhallError } from "@guildhall/client";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Field } from "~/components/field";
import { formText } from "~/lib/form";
import { useT } from "~/lib/i18n";
import { useTRPC } from "~/lib/trpc";

export function PasswordPanel() {
  const t = useT();
  const trpc = useTRPC();
  const change = useMutation(trpc.auth.changePassword.mutationOptions());
  const [done, setDone] = useState(false);
  const error = change.error ? toGuildhallError(change.error) : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    change.mutate(
      {
        currentPassword: formText(form, "currentPassword"),
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
        <Field
          label={t("security.currentPassword")}
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
          errors={error?.fieldErrors.currentPassword}
        />
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
