"use client";

import { toGuildhallError } from "@guildhall/client";
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Field } from "~/components/field";
import { formText } from "~/lib/form";
import { useHubPermissions } from "~/lib/hub-permissions";
import { useT } from "~/lib/i18n";
import { useTRPC } from "~/lib/trpc";

type Status = "active" | "open" | "pending" | "on_hold" | "closed";

/**
 * The hub's tickets (staff: all, members: their own), filtered and paged, kept
 * current by the inbox subscription; members open new tickets here.
 */
export function TicketInbox({ hubSlug }: { hubSlug: string }) {
  const t = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const perms = useHubPermissions(hubSlug);
  const staff = perms.can("ticket.manage");
  const [status, setStatus] = useState<Status>("active");
  const [q, setQ] = useState("");
  const [breached, setBreached] = useState(false);
  const list = useInfiniteQuery(
    trpc.tickets.list.infiniteQueryOptions(
      {
        hubSlug,
        status,
        q: q.trim() || undefined,
        breached: breached ? "true" : undefined,
        limit: 25,
      },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.tickets.pathKey() });
  useSubscription(
    trpc.tickets.watchInbox.subscriptionOptions({ hubSlug }, { onData: () => void refresh() }),
  );
  const create = useMutation(
    trpc.tickets.create.mutationOptions({
      onSuccess: (ticket) => router.push(`/hub/${hubSlug}/tickets/${ticket.id}`),
    }),
  );
  const settings = useQuery(trpc.tickets.settings.queryOptions({ hubSlug }));
  const error = create.error ? toGuildhallError(create.error) : null;
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    create.mutate({
      hubSlug,
      subject: formText(form, "subject"),
      description: formText(form, "description"),
      category: formText(form, "category"),
    });
  }

  return (
    <>
      <section className="panel" data-testid="ticket-inbox">
        <h1 data-testid="page-heading">{staff ? t("tickets.inbox") : t("tickets.mine")}</h1>
        <div className="inline">
          <select
            aria-label={t("tickets.status")}
            value={status}
            onChange={(event) => setStatus(event.target.value as Status)}
          >
            {(["active", "open", "pending", "on_hold", "closed"] as const).map((s) => (
              <option key={s} value={s}>
                {t(`tickets.status.${s}`)}
              </option>
            ))}
          </select>
          <input
            type="search"
            placeholder={t("tickets.search")}
            aria-label={t("tickets.search")}
            value={q}
            maxLength={200}
            onChange={(event) => setQ(event.target.value)}
          />
          <label className="check">
            <input
              type="checkbox"
              checked={breached}
              onChange={(e) => setBreached(e.target.checked)}
            />
            {t("tickets.breached")}
          </label>
        </div>
        <ul className="rows">
          {items.length === 0 ? <li>{t("tickets.none")}</li> : null}
          {items.map((ticket) => (
            <li key={ticket.id} data-testid="ticket-row">
              <span>
                <a href={`/hub/${hubSlug}/tickets/${ticket.id}`}>
                  <strong>
                    #{ticket.number} {ticket.subject}
                  </strong>
                </a>{" "}
                · {t(`tickets.status.${ticket.status}`)} · {ticket.category} · {ticket.priority}
                {ticket.assigneeName ? ` · ${ticket.assigneeName}` : ""}
                {ticket.breached ? (
                  <span className="badge bad"> {t("tickets.breached")}</span>
                ) : null}
              </span>
              {ticket.unreadCount > 0 ? (
                <span className="badge" data-testid="unread">
                  {ticket.unreadCount}
                </span>
              ) : null}
            </li>
          ))}
        </ul>
        {list.hasNextPage ? (
          <button type="button" className="secondary" onClick={() => void list.fetchNextPage()}>
            {t("members.more")}
          </button>
        ) : null}
      </section>
      {perms.can("ticket.create") ? (
        <section className="panel">
          <h2>{t("tickets.new")}</h2>
          <form className="stack" onSubmit={submit} data-testid="new-ticket">
            <Field
              label={t("tickets.subject")}
              name="subject"
              required
              minLength={3}
              maxLength={100}
              errors={error?.fieldErrors.subject}
            />
            <label className="field">
              <span>{t("tickets.description")}</span>
              <textarea name="description" required minLength={10} maxLength={2000} rows={4} />
              {error?.fieldErrors.description?.map((e) => (
                <small key={e} className="field-error">
                  {e}
                </small>
              ))}
            </label>
            <label className="field">
              <span>{t("tickets.category")}</span>
              <select name="category">
                {(settings.data?.categories ?? []).map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" disabled={create.isPending}>
              {t("tickets.open")}
            </button>
            {error && !error.fieldErrors.subject && !error.fieldErrors.description ? (
              <p className="form-error" role="alert">
                {error.message}
              </p>
            ) : null}
          </form>
        </section>
      ) : null}
    </>
  );
}
