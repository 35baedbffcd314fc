"use client";

import { useT } from "~/lib/i18n";
import type { Ticket } from "./types";

/** Number, subject, status, category, priority, people, SLA due times and close reason. */
export function TicketHeader({ ticket }: { ticket: Ticket }) {
  const t = useT();
  return (
    <>
      <h1 data-testid="page-heading">
        #{ticket.number} {ticket.subject}
      </h1>
      <p>
        <span className="badge" data-testid="ticket-status">
          {t(`tickets.status.${ticket.status}`)}
        </span>{" "}
        {ticket.category} ·{" "}
        <span data-testid="ticket-priority">{t(`tickets.priority.${ticket.priority}`)}</span> ·{" "}
        {ticket.createdByName ?? "—"}
        {ticket.assigneeName ? ` · ${t("tickets.assignee")}: ${ticket.assigneeName}` : ""}
        {ticket.breached ? <span className="badge bad"> {t("tickets.breached")}</span> : null}
        {ticket.firstResponseDueAt && !ticket.firstRespondedAt
          ? ` · ${t("tickets.firstResponseDue")} ${ticket.firstResponseDueAt.toLocaleString()}`
          : ""}
        {ticket.resolutionDueAt && ticket.status !== "closed"
          ? ` · ${t("tickets.resolutionDue")} ${ticket.resolutionDueAt.toLocaleString()}`
          : ""}
      </p>
      {ticket.status === "closed" && ticket.closeReason ? (
        <p className="note" data-testid="close-reason">
          {t("tickets.closedBecause", { reason: ticket.closeReason })}
        </p>
      ) : null}
    </>
  );
}
