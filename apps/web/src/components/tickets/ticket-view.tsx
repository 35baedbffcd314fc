"use client";

import { toGuildhallError } from "@guildhall/client";
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useHubPermissions } from "~/lib/hub-permissions";
import { useT } from "~/lib/i18n";
import { useTRPC } from "~/lib/trpc";
import { useThrottled, useTypingIndicator } from "~/lib/typing";
import { AttachmentList, MAX_ATTACHMENT_BYTES, readAsBase64 } from "./attachments";

interface LiveSignal {
  type: string;
  payload: { userId?: string; username?: string };
}

/**
 * One ticket with live chat: messages come from the query, changes from the
 * ticket subscription (new messages, status, assignment), with typing and
 * viewers as live signals. Staff get internal notes, canned replies,
 * assignment and status controls.
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
  const replies = useQuery({
    ...trpc.tickets.cannedReplies.list.queryOptions({ hubSlug }),
    enabled: staff,
  });
  const typing = useTypingIndicator();
  const [viewers, setViewers] = useState<Record<string, { name: string; seen: number }>>({});
  const [body, setBody] = useState("");
  const [internal, setInternal] = useState(false);
  const [files, setFiles] = useState<File[]>([]);
  const [fileError, setFileError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const refreshMessages = () =>
    queryClient.invalidateQueries({
      queryKey: trpc.tickets.messages.list.infiniteQueryKey({ hubSlug, ticketId, limit: 50 }),
    });
  const refreshTicket = () =>
    queryClient.invalidateQueries({ queryKey: trpc.tickets.get.queryKey({ hubSlug, ticketId }) });
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
            void refreshTicket();
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

  const send = useMutation(
    trpc.tickets.messages.send.mutationOptions({
      onSuccess: () => {
        setBody("");
        setFiles([]);
        if (fileInput.current) fileInput.current.value = "";
        void refreshMessages();
      },
    }),
  );
  const signalTyping = useMutation(trpc.tickets.typing.mutationOptions());
  const typingNow = useThrottled(() => signalTyping.mutate({ hubSlug, ticketId }));
  const upload = useMutation(trpc.tickets.attachments.upload.mutationOptions());
  const after = () => void refreshTicket();
  const claim = useMutation(trpc.tickets.claim.mutationOptions({ onSuccess: after }));
  const unassign = useMutation(trpc.tickets.unassign.mutationOptions({ onSuccess: after }));
  const update = useMutation(trpc.tickets.update.mutationOptions({ onSuccess: after }));
  const close = useMutation(trpc.tickets.close.mutationOptions({ onSuccess: after }));
  const reopen = useMutation(trpc.tickets.reopen.mutationOptions({ onSuccess: after }));
  const failure = [send, upload, claim, unassign, update, close, reopen].find(
    (m) => m.error,
  )?.error;

  const data = ticket.data;
  if (ticket.error) {
    return (
      <p className="form-error" role="alert">
        {toGuildhallError(ticket.error).message}
      </p>
    );
  }
  if (!data) return null;
  const list = [...(messages.data?.pages.flatMap((page) => page.items) ?? [])].reverse();
  const typingNames = typing.names();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!body.trim()) return;
    // Files go up first; the message then names what was stored.
    const attachments = [];
    for (const file of files) {
      const stored = await upload
        .mutateAsync({ hubSlug, ticketId, name: file.name, data: await readAsBase64(file) })
        .catch(() => null);
      if (!stored) return;
      attachments.push({ key: stored.key, name: stored.name });
    }
    send.mutate({ hubSlug, ticketId, body, internal: staff && internal, attachments });
  }

  function pickFiles(list: FileList | null) {
    const picked = [...(list ?? [])].slice(0, 5);
    const tooBig = picked.find((file) => file.size > MAX_ATTACHMENT_BYTES);
    setFileError(tooBig ? t("tickets.fileTooLarge", { name: tooBig.name }) : null);
    setFiles(tooBig ? [] : picked);
  }

  function onInput(value: string) {
    setBody(value);
    typingNow();
  }

  return (
    <section className="panel" data-testid="ticket-view">
      <h1 data-testid="page-heading">
        #{data.number} {data.subject}
      </h1>
      <p>
        <span className="badge" data-testid="ticket-status">
          {t(`tickets.status.${data.status}`)}
        </span>{" "}
        {data.category} · {data.priority} · {data.createdByName ?? "—"}
        {data.assigneeName ? ` · ${t("tickets.assignee")}: ${data.assigneeName}` : ""}
        {data.breached ? <span className="badge bad"> {t("tickets.breached")}</span> : null}
        {data.firstResponseDueAt && !data.firstRespondedAt
          ? ` · ${t("tickets.firstResponseDue")} ${data.firstResponseDueAt.toLocaleString()}`
          : ""}
      </p>
      <p className="note" data-testid="viewers">
        {Object.keys(viewers).length > 0
          ? t("tickets.viewing", {
              names: Object.values(viewers)
                .map((v) => v.name)
                .join(", "),
            })
          : null}
      </p>
      {staff ? (
        <div className="inline">
          {!data.assigneeId ? (
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
          <select
            aria-label={t("tickets.status")}
            value={data.status === "closed" ? "open" : data.status}
            disabled={data.status === "closed"}
            onChange={(event) =>
              update.mutate({
                hubSlug,
                ticketId,
                status: event.target.value as "open" | "pending" | "on_hold",
              })
            }
          >
            {(["open", "pending", "on_hold"] as const).map((s) => (
              <option key={s} value={s}>
                {t(`tickets.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className="inline">
        {data.status === "closed" ? (
          <button type="button" onClick={() => reopen.mutate({ hubSlug, ticketId })}>
            {t("tickets.reopen")}
          </button>
        ) : (
          <button
            type="button"
            className="secondary"
            onClick={() => close.mutate({ hubSlug, ticketId })}
          >
            {t("tickets.close")}
          </button>
        )}
      </div>
      <p>{data.description}</p>
      {messages.hasNextPage ? (
        <button type="button" className="secondary" onClick={() => void messages.fetchNextPage()}>
          {t("tickets.older")}
        </button>
      ) : null}
      <ul className="chat" data-testid="messages">
        {list.map((message) => (
          <li
            key={message.id}
            className={message.internal ? "internal" : undefined}
            data-testid="message"
          >
            <strong>{message.authorName ?? "—"}</strong>{" "}
            <small>{message.createdAt.toLocaleTimeString()}</small>
            {message.internal ? <span className="badge"> {t("tickets.internal")}</span> : null}
            <p>{message.body}</p>
            <AttachmentList hubSlug={hubSlug} ticketId={ticketId} files={message.attachments} />
          </li>
        ))}
      </ul>
      <p className="note" data-testid="typing" aria-live="polite">
        {typingNames.length > 0 ? t("tickets.typing", { names: typingNames.join(", ") }) : null}
      </p>
      {data.status !== "closed" ? (
        <form className="stack" onSubmit={(event) => void submit(event)} data-testid="composer">
          {staff && (replies.data?.items.length ?? 0) > 0 ? (
            <select
              aria-label={t("tickets.cannedReplies")}
              value=""
              onChange={(event) => {
                const reply = replies.data?.items.find((r) => r.id === event.target.value);
                if (reply) setBody((now) => (now ? `${now}\n${reply.body}` : reply.body));
              }}
            >
              <option value="">{t("tickets.cannedReplies")}</option>
              {replies.data?.items.map((reply) => (
                <option key={reply.id} value={reply.id}>
                  {reply.title}
                </option>
              ))}
            </select>
          ) : null}
          <textarea
            aria-label={t("tickets.message")}
            value={body}
            maxLength={4000}
            rows={3}
            onChange={(event) => onInput(event.target.value)}
          />
          <label>
            {t("tickets.attachFiles")}
            <input
              ref={fileInput}
              type="file"
              multiple
              data-testid="attach-files"
              accept="image/png,image/jpeg,image/gif,image/webp,application/pdf,.txt,.log,.md,.csv"
              onChange={(event) => pickFiles(event.target.files)}
            />
          </label>
          {fileError ? (
            <p className="form-error" role="alert">
              {fileError}
            </p>
          ) : null}
          {staff ? (
            <label className="check">
              <input
                type="checkbox"
                checked={internal}
                onChange={(e) => setInternal(e.target.checked)}
              />
              {t("tickets.internalNote")}
            </label>
          ) : null}
          <button type="submit" disabled={send.isPending || upload.isPending}>
            {t("tickets.send")}
          </button>
        </form>
      ) : null}
      {failure ? (
        <p className="form-error" role="alert">
          {toGuildhallError(failure).message}
        </p>
      ) : null}
    </section>
  );
}
