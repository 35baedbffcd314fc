"use client";

import { useT } from "~/lib/i18n";
import type { Priority } from "./filters";

export interface TicketSummary {
  id: string;
  number: number;
  subject: string;
  status: "open" | "pending" | "on_hold" | "closed";
  category: string;
  priority: Priority;
  tags: string[];
  assigneeName: string | null;
  breached: boolean;
  unreadCount: number;
  lastActivityAt: Date;
}

/** One inbox line: number and subject (a link), status, category, priority, tags, badges. */
export function TicketRow({ hubSlug, ticket }: { hubSlug: string; ticket: TicketSummary }) {
  const t = useT();
  return (
    <li data-testid="ticket-row">
      <span>
        <a href={`/hub/${hubSlug}/tickets/${ticket.id}`}>
          <strong>
            #{ticket.number} {ticket.subject}
          </strong>
        </a>{" "}
        · {t(`tickets.status.${ticket.status}`)} · {ticket.category} ·{" "}
        {t(`tickets.priority.${ticket.priority}`)}
        {ticket.assigneeName ? ` · ${ticket.assigneeName}` : ""}
        {ticket.tags.map((tag) => (
          <span key={tag} className="badge tag">
            {" "}
            #{tag}
          </span>
        ))}
        {ticket.breached ? <span className="badge bad"> {t("tickets.breached")}</span> : null}{" "}
        <small>
          <time dateTime={ticket.lastActivityAt.toISOString()}>
            {ticket.lastActivityAt.toLocaleString()}
          </time>
        </small>
      </span>
      {ticket.unreadCount > 0 ? (
        <span className="badge" data-testid="unread" title={t("tickets.unread")}>
          {ticket.unreadCount}
        </span>
      ) : null}
    </li>
  );
}
