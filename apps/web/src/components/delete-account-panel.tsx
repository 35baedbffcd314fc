"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useT } from "~/lib/i18n";
import { useTRPC } from "~/lib/trpc";
import { FormError } from "~/components/form-error";

/**
 * Account deletion on the profile page: asks for the username before
 * requesting it; while a deletion is pending, shows its date and a button
 * that cancels it.
 */
export function DeleteAccountPanel() {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useQuery(trpc.users.me.queryOptions());
  const [typed, setTyped] = useState("");
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.users.me.queryKey() });
  const request = useMutation(
    trpc.users.requestDeletion.mutationOptions({
      onSuccess: async () => {
        setTyped("");
        await refresh();
      },
    }),
  );
  const cancel = useMutation(trpc.users.cancelDeletion.mutationOptions({ onSuccess: refresh }));
  const failure = request.error ?? cancel.error;

  if (!me.data) return null;
  const { username, deleteAfter, deletionGraceDays } = me.data;
  const confirmed = typed.trim().toLowerCase() === username.toLowerCase();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (confirmed) request.mutate();
  }

  return (
    <section className="panel" data-testid="delete-account-panel">
      <h2>{t("profile.deleteHeading")}</h2>
      {deleteAfter ? (
        <div className="stack">
          <p role="status" data-testid="deletion-pending">
            {t("profile.deletePending", { date: deleteAfter.toLocaleDateString() })}
          </p>
          <button type="button" disabled={cancel.isPending} onClick={() => cancel.mutate()}>
            {t("profile.deleteCancel")}
          </button>
        </div>
      ) : (
        <form className="stack" onSubmit={submit}>
          <p className="note">{t("profile.deleteExplain", { days: deletionGraceDays })}</p>
          <label className="field">
            <span>{t("profile.deleteConfirm", { username })}</span>
            <input
              name="confirmUsername"
              autoComplete="off"
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              data-testid="delete-confirm"
            />
          </label>
          <button type="submit" className="danger" disabled={!confirmed || request.isPending}>
            {t("profile.deleteRequest")}
          </button>
        </form>
      )}
      <FormError error={failure} />
    </section>
  );
}
