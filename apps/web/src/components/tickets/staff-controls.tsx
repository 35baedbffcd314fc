"use client";

import { useMutation } from "@tanstack/react-query";
import { useT } from "~/lib/i18n";
import { useTRPC } from "~/lib/trpc";
import { AssignPicker } from "./assign-picker";
import { PRIORITIES, type Priority } from "./filters";
import { FormError } from "~/components/form-error";
import type { Ticket } from "./types";

const SETTABLE = ["open", "pending", "on_hold"] as const;

/** Staff: claim / unassign, assign to another staff member, status and priority. */
export function StaffControls(props: { hubSlug: string; ticket: Ticket; onDone: () => void }) {
  const t = useT();
  const trpc = useTRPC();
  const { hubSlug, ticket, onDone } = props;
  const ticketId = ticket.id;
  const closed = ticket.status === "closed";
  const claim = useMutation(trpc.tickets.claim.mutationOptions({ onSuccess: onDone }));
  const unassign = useMutation(trpc.tickets.unassign.mutationOptions({ onSuccess: onDone }));
  const update = useMutation(trpc.tickets.update.mutationOptions({ onSuccess: onDone }));
  const failure = [claim, unassign, update].find((m) => m.error)?.error;

  return (
    <div className="inline" data-testid="staff-controls">
      {closed ? null : !ticket.assigneeId ? (
        <button type="button" onClick={() => claim.mutate({ hubSlug, ticketId })}>
          {t("tickets.claim")}
        </button>
      ) : (
        <button
          type="button"
          className="secondary"
          onClick={() => unassign.mutate({ hubSlug, ticketId })}
        >
          {t("tickets.unassign")}
        </button>
      )}
      {closed ? null : (
        <AssignPicker
          hubSlug={hubSlug}
          ticketId={ticketId}
          assigneeId={ticket.assigneeId}
          assigneeName={ticket.assigneeName}
          onDone={onDone}
        />
      )}
      <select
        aria-label={t("tickets.status")}
        value={closed ? "open" : ticket.status}
        disabled={closed}
        onChange={(e) =>
          update.mutate({ hubSlug, ticketId, status: e.target.value as (typeof SETTABLE)[number] })
        }
      >
        {SETTABLE.map((s) => (
          <option key={s} value={s}>
            {t(`tickets.status.${s}`)}
          </option>
        ))}
      </select>
      <select
        aria-label={t("tickets.priority")}
        value={ticket.priority}
        onChange={(e) => update.mutate({ hubSlug, ticketId, priority: e.target.value as Priority })}
      >
        {PRIORITIES.map((p) => (
          <option key={p} value={p}>
            {t(`tickets.priority.${p}`)}
          </option>
        ))}
      </select>
      <FormError error={failure} withFields />
    </div>
  );
}
