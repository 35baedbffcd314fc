"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useT } from "~/lib/i18n";
import { useTRPC } from "~/lib/trpc";

/** My chats, newest activity first, with the other party, last message and unread badge. */
export function ChatList({ openChatId }: { openChatId: string | null }) {
  const t = useT();
  const trpc = useTRPC();
  const chats = useQuery(trpc.chats.list.queryOptions({ limit: 100 }));
  const items = chats.data?.items ?? [];
  return (
    <nav className="chat-list" aria-label={t("chats.list")} data-testid="chat-list">
      {items.length === 0 && chats.isSuccess ? <p className="note">{t("chats.none")}</p> : null}
      <ul>
        {items.map((chat) => (
          <li key={chat.id} className={chat.id === openChatId ? "active" : undefined}>
            <Link href={`/messages?chat=${chat.id}`} data-testid="chat-link">
              <strong>{chat.other.displayName ?? chat.other.username}</strong>
              {chat.unreadCount > 0 ? (
                <span className="badge" data-testid="unread-badge">
                  {chat.unreadCount}
                </span>
              ) : null}
              <small>{chat.lastMessage?.preview ?? ""}</small>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
