"use client";

import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRef, useState, type FormEvent } from "react";
import { useT } from "~/lib/i18n";
import { useTRPC } from "~/lib/trpc";
import { useThrottled } from "~/lib/typing";
import { MessageItem, type ChatMessage } from "./message-item";
import { FormError } from "~/components/form-error";

/**
 * One chat: history from the messages query (newest page first, "older"
 * pages upward by the `before` cursor), changes arrive through the page's one
 * subscription, which invalidates this chat's queries. Sends carry a nonce,
 * so a retried send never makes a second message.
 */
export function Conversation(props: { chatId: string; me: string; typing: string[] }) {
  const { chatId, me } = props;
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const info = useQuery(trpc.chats.info.queryOptions({ chatId }));
  const messages = useInfiniteQuery(
    trpc.chats.messages.infiniteQueryOptions(
      { chatId, limit: 50 },
      {
        getNextPageParam: (page) => page.nextBefore ?? undefined,
      },
    ),
  );
  const [body, setBody] = useState("");
  const [replyTo, setReplyTo] = useState<ChatMessage | null>(null);
  const [editing, setEditing] = useState<ChatMessage | null>(null);
  const nonce = useRef<string | null>(null);

  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: trpc.chats.messages.infiniteQueryKey({ chatId }) });
  const send = useMutation(
    trpc.chats.send.mutationOptions({
      onSuccess: () => {
        setBody("");
        setReplyTo(null);
        nonce.current = null;
        void refresh();
      },
    }),
  );
  const edit = useMutation(
    trpc.chats.edit.mutationOptions({
      onSuccess: () => {
        setBody("");
        setEditing(null);
        void refresh();
      },
    }),
  );
  const remove = useMutation(trpc.chats.remove.mutationOptions({ onSuccess: () => refresh() }));
  const typing = useMutation(trpc.chats.typing.mutationOptions());
  const typingNow = useThrottled(() => typing.mutate({ chatId }));
  const failure = info.error ?? messages.error ?? send.error ?? edit.error ?? remove.error;

  const list = [...(messages.data?.pages.flatMap((page) => page.items) ?? [])].reverse();
  const other = info.data
    ? info.data.starter.id === me
      ? info.data.recipient
      : info.data.starter
    : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = body.trim();
    if (!text) return;
    if (editing) return edit.mutate({ chatId, messageId: editing.id, body: text });
    // One nonce per message being written: a retry of the same send reuses it.
    nonce.current ??= crypto.randomUUID();
    send.mutate({ chatId, body: text, replyToId: replyTo?.id, nonce: nonce.current });
  }

  function onInput(value: string) {
    setBody(value);
    if (!editing) typingNow();
  }

  return (
    <section className="panel conversation" data-testid="conversation">
      <h2 data-testid="chat-title">{other ? (other.displayName ?? other.username) : "…"}</h2>
      {messages.hasNextPage ? (
        <button
          type="button"
          className="secondary"
          disabled={messages.isFetchingNextPage}
          onClick={() => void messages.fetchNextPage()}
        >
          {t("chats.older")}
        </button>
      ) : null}
      <ul className="chat" data-testid="messages">
        {list.map((message) => (
          <MessageItem
            key={message.id}
            message={message}
            mine={message.authorId === me}
            onReply={() => {
              setEditing(null);
              setReplyTo(message);
            }}
            onEdit={() => {
              setReplyTo(null);
              setEditing(message);
              setBody(message.body);
            }}
            onDelete={() => remove.mutate({ chatId, messageId: message.id })}
          />
        ))}
      </ul>
      <p className="note" data-testid="typing" aria-live="polite">
        {props.typing.length > 0 ? t("chats.typing", { names: props.typing.join(", ") }) : null}
      </p>
      <form className="stack" onSubmit={submit} data-testid="chat-composer">
        {replyTo || editing ? (
          <p className="note" data-testid="composer-context">
            {replyTo
              ? t("chats.replyingTo", { text: replyTo.body.slice(0, 80) })
              : t("chats.editing")}{" "}
            <button
              type="button"
              className="link"
              onClick={() => {
                setReplyTo(null);
                if (editing) setBody("");
                setEditing(null);
              }}
            >
              {t("chats.cancel")}
            </button>
          </p>
        ) : null}
        <textarea
          aria-label={t("chats.message")}
          value={body}
          maxLength={2000}
          rows={2}
          onChange={(event) => {
            nonce.current = null;
            onInput(event.target.value);
          }}
        />
        <button type="submit" disabled={send.isPending || edit.isPending}>
          {editing ? t("chats.save") : t("chats.send")}
        </button>
      </form>
      <FormError error={failure} />
    </section>
  );
}
