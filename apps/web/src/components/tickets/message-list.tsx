"use client";

import { useT } from "~/lib/i18n";
import { Markdown } from "~/lib/markdown";
import { AttachmentList } from "./attachments";
import type { TicketMessage } from "./types";

/** A ticket's messages, oldest first, bodies rendered as (safe) Markdown. */
export function MessageList(props: {
  hubSlug: string;
  ticketId: string;
  messages: TicketMessage[];
}) {
  const t = useT();
  return (
    <ul className="chat" data-testid="messages">
      {props.messages.map((message) => (
        <li
          key={message.id}
          className={message.internal ? "internal" : undefined}
          data-testid="message"
        >
          <strong>{message.authorName ?? "—"}</strong>{" "}
          <small>
            <time dateTime={message.createdAt.toISOString()}>
              {message.createdAt.toLocaleTimeString()}
            </time>
            {message.editedAt ? ` · ${t("tickets.edited")}` : ""}
          </small>
          {message.internal ? <span className="badge"> {t("tickets.internal")}</span> : null}
          <Markdown source={message.body} />
          <AttachmentList
            hubSlug={props.hubSlug}
            ticketId={props.ticketId}
            files={message.attachments}
          />
        </li>
      ))}
    </ul>
  );
}
