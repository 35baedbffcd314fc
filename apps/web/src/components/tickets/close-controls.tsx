"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useT } from "~/lib/i18n";
import { useTRPC } from "~/lib/trpc";
import { FormError } from "~/components/form-error";

/** Close (asking for an optional reason first) or reopen a ticket: its creator or staff. */
export function CloseControls(props: {
  hubSlug: string;
  ticketId: string;
  closed: boolean;
  onDone: () => void;
}) {
  const t = useT();
  const trpc = useTRPC();
  const { hubSlug, ticketId } = props;
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState("");
  const close = useMutation(
    trpc.tickets.close.mutationOptions({
      onSuccess: () => {
        setAsking(false);
        setReason("");
        props.onDone();
      },
    }),
  );
  const reopen = useMutation(trpc.tickets.reopen.mutationOptions({ onSuccess: props.onDone }));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    close.mutate({ hubSlug, ticketId, reason: reason.trim() || undefined });
  }

  if (props.closed)
    return (
      <div className="inline">
        <button type="button" onClick={() => reopen.mutate({ hubSlug, ticketId })}>
          {t("tickets.reopen")}
        </button>
        <FormError error={reopen.error} withFields />
      </div>
    );
  if (!asking)
    return (
      <div className="inline">
        <button type="button" className="secondary" onClick={() => setAsking(true)}>
          {t("tickets.close")}
        </button>
      </div>
    );
  return (
    <form className="stack" onSubmit={submit} data-testid="close-ticket">
      <label className="field">
        <span>{t("tickets.closeReason")}</span>
        <textarea
          value={reason}
          maxLength={500}
          rows={2}
          onChange={(e) => setReason(e.target.value)}
        />
      </label>
      <div className="inline">
        <button type="submit" disabled={close.isPending}>
          {t("tickets.confirmClose")}
        </button>
        <button type="button" className="secondary" onClick={() => setAsking(false)}>
          {t("tickets.cancel")}
        </button>
      </div>
      <FormError error={close.error} withFields />
    </form>
  );
}
