"use client";

import { useT } from "~/lib/i18n";

export interface ChatMessage {
  id: string;
  authorId: string;
  author: { username: string; displayName?: string | null };
  body: string;
  replyTo: { id: string; preview: string } | null;
  editedAt: Date | null;
  createdAt: Date;
}

/** One message with its reply quote; own messages can be edited and deleted. */
export function MessageItem(props: {
  message: ChatMessage;
  mine: boolean;
  onReply: () => void;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const t = useT();
  const { message } = props;
  return (
    <li data-testid="message" className={props.mine ? "mine" : undefined}>
      {message.replyTo ? (
        <blockquote className="reply-quote" data-testid="reply-quote">
          {message.replyTo.preview}
        </blockquote>
      ) : null}
      <strong>{message.author.displayName ?? message.author.username}</strong>{" "}
      <small>
        {message.createdAt.toLocaleTimeString()}
        {message.editedAt ? ` · ${t("chats.edited")}` : ""}
      </small>
      <p>{message.body}</p>
      <span className="inline message-actions">
        <button type="button" className="link" onClick={props.onReply}>
          {t("chats.reply")}
        </button>
        {props.mine ? (
          <>
            <button type="button" className="link" onClick={props.onEdit}>
              {t("chats.edit")}
            </button>
            <button type="button" className="link" onClick={props.onDelete}>
              {t("chats.delete")}
            </button>
          </>
        ) : null}
      </span>
    </li>
  );
}
