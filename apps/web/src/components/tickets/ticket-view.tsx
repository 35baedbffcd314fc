"use client";

import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useEffect, useState } from "react";
import { useHubPermissions } from "~/lib/hub-permissions";
import { useT } from "~/lib/i18n";
import { Markdown } from "~/lib/markdown";
import { useTRPC } from "~/lib/trpc";
import { useTypingIndicator } from "~/lib/typing";
import { CloseControls } from "./close-controls";
import { Composer } from "./composer";
import { MessageList } from "./message-list";
import { StaffControls } from "./staff-controls";
import { TagEditor } from "./tag-editor";
import { TicketHeader } from "./ticket-header";
import { FormError } from "~/components/form-error";

interface LiveSignal {
  type: string;
  payload: { userId?: string; username?: string };
}

/**
 * One ticket with live chat: messages come from the query, changes from the
 * ticket subscription (new messages, status, assignment), with typing and
 * viewers as live signals. Staff get internal notes, canned replies,
 * assignment, status, priority and tag controls.
 */
export function TicketView({ hubSlug, ticketId }: { hubSlug: string; ticketId: string }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const perms = useHubPermissions(hubSlug);
  const staff = perms.can("ticket.manage");
  const ticket = useQuery(trpc.tickets.get.queryOptions({ hubSlug, ticketId }));
  const messages = useInfiniteQuery(
    trpc.tickets.messages.list.infiniteQueryOptions(
      { hubSlug, ticketId, limit: 50 },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const typing = useTypingIndicator();
  const [viewers, setViewers] = useState<Record<string, { name: string; seen: number }>>({});

  const refreshMessages = () =>
    queryClient.invalidateQueries({
      queryKey: trpc.tickets.messages.list.infiniteQueryKey({ hubSlug, ticketId, limit: 50 }),
    });
  const refreshTicket = () =>
    void queryClient.invalidateQueries({
      queryKey: trpc.tickets.get.queryKey({ hubSlug, ticketId }),
    });
  const markRead = useMutation(trpc.tickets.markRead.mutationOptions());

  useSubscription(
    trpc.tickets.watch.subscriptionOptions(
      { hubSlug, ticketId },
      {
        onData: (event) => {
          const item: LiveSignal = "data" in event ? event.data : event;
          const who = item.payload.userId ?? "";
          const name = item.payload.username ?? "";
          if (item.type === "ready") return;
          if (item.type === "typing") {
            typing.saw(who, name);
          } else if (item.type.startsWith("viewer.")) {
            setViewers((now) => {
              const next = { ...now };
              if (item.type === "viewer.left") delete next[who];
              else next[who] = { name, seen: Date.now() };
              return next;
            });
          } else if (item.type.startsWith("message.")) {
            typing.stopped(who);
            void refreshMessages().then(() => markRead.mutate({ hubSlug, ticketId }));
          } else {
            refreshTicket();
          }
        },
      },
    ),
  );

  useEffect(() => {
    markRead.mutate({ hubSlug, ticketId });
    const timer = setInterval(() => {
      const now = Date.now();
      setViewers((all) =>
        Object.fromEntries(Object.entries(all).filter(([, v]) => v.seen > now - 40_000)),
      );
    }, 1000);
    return () => clearInterval(timer);
  }, [hubSlug, ticketId]); // once per ticket (markRead is a stable mutation handle)

  const data = ticket.data;
  if (ticket.error) return <FormError error={ticket.error} />;
  if (!data) return null;
  const list = [...(messages.data?.pages.flatMap((page) => page.items) ?? [])].reverse();
  const typingNames = typing.names();
  const viewerNames = Object.values(viewers).map((v) => v.name);

  return (
    <section className="panel" data-testid="ticket-view">
      <TicketHeader ticket={data} />
      <p className="note" data-testid="viewers">
        {viewerNames.length > 0 ? t("tickets.viewing", { names: viewerNames.join(", ") }) : null}
      </p>
      {staff ? <StaffControls hubSlug={hubSlug} ticket={data} onDone={refreshTicket} /> : null}
      <TagEditor
        hubSlug={hubSlug}
        ticketId={ticketId}
        tags={data.tags}
        editable={staff}
        onDone={refreshTicket}
      />
      <CloseControls
        hubSlug={hubSlug}
        ticketId={ticketId}
        closed={data.status === "closed"}
        onDone={refreshTicket}
      />
      <Markdown source={data.description} className="description" />
      {messages.hasNextPage ? (
        <button type="button" className="secondary" onClick={() => void messages.fetchNextPage()}>
          {t("tickets.older")}
        </button>
      ) : null}
      <MessageList hubSlug={hubSlug} ticketId={ticketId} messages={list} />
      <p className="note" data-testid="typing" aria-live="polite">
        {typingNames.length > 0 ? t("tickets.typing", { names: typingNames.join(", ") }) : null}
      </p>
      {data.status !== "closed" ? (
        <Composer
          hubSlug={hubSlug}
          ticketId={ticketId}
          staff={staff}
          onSent={() => void refreshMessages()}
        />
      ) : null}
    </section>
  );
}
