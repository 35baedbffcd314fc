"use client";

import { useQueries, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useT } from "~/lib/i18n";
import { useTRPC } from "~/lib/trpc";

type Scope = "opened" | "assigned";
type StatusChoice = "active" | "closed" | "all";
/** Each hub's newest matching tickets that are read (the server filters by opener or assignee). */
const PER_HUB = 100;

/**
 * The signed-in user's tickets across all their hubs: the ones they opened
 * (or, for staff, the ones assigned to them), most recent activity first.
 * Refreshed every 30 s and when the tab regains focus.
 */
export function MyTickets({ me }: { me: string }) {
  const t = useT();
  const trpc = useTRPC();
  const [scope, setScope] = useState<Scope>("opened");
  const [status, setStatus] = useState<StatusChoice>("active");
  const hubs = useQuery(trpc.hubs.listMine.queryOptions());
  const lists = useQueries({
    queries: (hubs.data?.items ?? []).map((hub) => ({
      ...trpc.tickets.list.queryOptions({
        hubSlug: hub.slug,
        status: status === "all" ? undefined : status,
        assigneeId: scope === "assigned" ? me : undefined,
        mine: scope === "opened" ? "true" : undefined,
        limit: PER_HUB,
      }),
      refetchInterval: 30_000,
      refetchOnWindowFocus: true,
      retry: false,
    })),
  });
  const rows = (hubs.data?.items ?? [])
    .flatMap((hub, i) => (lists[i]?.data?.items ?? []).map((ticket) => ({ hub, ticket })))
    .sort((a, b) => b.ticket.lastActivityAt.getTime() - a.ticket.lastActivityAt.getTime());
  const partial = lists.some((list) => list.data?.nextCursor);
  const loading = hubs.isPending || lists.some((list) => list.isPending);

  return (
    <section className="panel" data-testid="my-tickets">
      <h1 data-testid="page-heading">{t("tickets.mine")}</h1>
      <div className="inline">
        <select
          aria-label={t("tickets.scope")}
          value={scope}
          onChange={(e) => setScope(e.target.value as Scope)}
        >
          <option value="opened">{t("tickets.scope.opened")}</option>
          <option value="assigned">{t("tickets.assignedToMe")}</option>
        </select>
        <select
          aria-label={t("tickets.status")}
          value={status}
          onChange={(e) => setStatus(e.target.value as StatusChoice)}
        >
          <option value="active">{t("tickets.status.active")}</option>
          <option value="closed">{t("tickets.status.closed")}</option>
          <option value="all">{t("tickets.status.all")}</option>
        </select>
      </div>
      {!loading && rows.length === 0 ? <p>{t("tickets.myNone")}</p> : null}
      {rows.length > 0 ? (
        <table className="data-table">
          <thead>
            <tr>
              <th>{t("tickets.status")}</th>
              <th>{t("tickets.col.hub")}</th>
              <th>{t("tickets.col.number")}</th>
              <th>{t("tickets.subject")}</th>
              <th>{t("tickets.col.lastActivity")}</th>
              <th>{t("tickets.unread")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ hub, ticket }) => (
              <tr key={ticket.id} data-testid="my-ticket-row">
                <td>
                  <span className="badge">{t(`tickets.status.${ticket.status}`)}</span>
                </td>
                <td>
                  <a href={`/hub/${hub.slug}/tickets`}>{hub.name}</a>
                </td>
                <td>#{ticket.number}</td>
                <td>
                  <a href={`/hub/${hub.slug}/tickets/${ticket.id}`}>{ticket.subject}</a>
                </td>
                <td>
                  <time dateTime={ticket.lastActivityAt.toISOString()}>
                    {ticket.lastActivityAt.toLocaleString()}
                  </time>
                </td>
                <td>
                  {ticket.unreadCount > 0 ? (
                    <span className="badge" data-testid="unread">
                      {ticket.unreadCount}
                    </span>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {partial ? <p className="note">{t("tickets.partial", { count: PER_HUB })}</p> : null}
    </section>
  );
}
