"use client";

import { useInfiniteQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useState } from "react";
import { useHubPermissions } from "~/lib/hub-permissions";
import { useT } from "~/lib/i18n";
import { useTRPC } from "~/lib/trpc";
import { filtersQuery, listInput, type InboxFilters } from "./filters";
import { InboxFilterBar } from "./inbox-filter-bar";
import { NewTicketForm } from "./new-ticket-form";
import { TicketRow } from "./ticket-row";
import { useDebounced } from "./use-debounced";
import { useTicketStaff } from "./use-staff";

/**
 * The hub's tickets (staff: all, members: their own), filtered and paged, kept
 * current by the inbox subscription; members open new tickets here. The
 * filters live in the query string, so a filtered view can be shared.
 */
export function TicketInbox(props: { hubSlug: string; me: string; initial: InboxFilters }) {
  const { hubSlug } = props;
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const perms = useHubPermissions(hubSlug);
  const staff = perms.can("ticket.manage");
  const [filters, setFilters] = useState(props.initial);
  const settled = useDebounced(filters);
  const list = useInfiniteQuery(
    trpc.tickets.list.infiniteQueryOptions(listInput(hubSlug, settled, props.me), {
      getNextPageParam: (page) => page.nextCursor ?? undefined,
    }),
  );
  useSubscription(
    trpc.tickets.watchInbox.subscriptionOptions(
      { hubSlug },
      {
        onData: () => void queryClient.invalidateQueries({ queryKey: trpc.tickets.list.pathKey() }),
      },
    ),
  );
  const settings = useQuery(trpc.tickets.settings.queryOptions({ hubSlug }));
  const staffMembers = useTicketStaff(hubSlug, staff).members;
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];

  function change(patch: Partial<InboxFilters>) {
    const next = { ...filters, ...patch };
    setFilters(next);
    window.history.replaceState(null, "", `${window.location.pathname}${filtersQuery(next)}`);
  }

  return (
    <>
      <section className="panel" data-testid="ticket-inbox">
        <h1 data-testid="page-heading">{staff ? t("tickets.inbox") : t("tickets.mine")}</h1>
        <InboxFilterBar
          filters={filters}
          onChange={change}
          categories={settings.data?.categories ?? []}
          staff={staff}
          staffMembers={staffMembers}
        />
        <ul className="rows">
          {list.isSuccess && items.length === 0 ? <li>{t("tickets.none")}</li> : null}
          {items.map((ticket) => (
            <TicketRow key={ticket.id} hubSlug={hubSlug} ticket={ticket} />
          ))}
        </ul>
        {list.hasNextPage ? (
          <button type="button" className="secondary" onClick={() => void list.fetchNextPage()}>
            {t("members.more")}
          </button>
        ) : null}
      </section>
      {perms.can("ticket.create") ? (
        <NewTicketForm hubSlug={hubSlug} categories={settings.data?.categories ?? []} />
      ) : null}
    </>
  );
}
