"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useEffect, useState } from "react";
import { useT } from "~/lib/i18n";
import { useTRPC } from "~/lib/trpc";
import { ChatList } from "./chat-list";
import { Conversation } from "./conversation";
import { NewChatForm } from "./new-chat-form";

interface ChatEvent {
  type: string;
  payload: { chatId?: string; userId?: string; username?: string };
}

/**
 * The messages page: one subscription for all my chats (a browser needs one
 * connection), which refreshes the list, the open conversation and its read
 * state, and shows who is typing where.
 */
export function MessagesView({ me, chatId }: { me: string; chatId: string | null }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [typing, setTyping] = useState<Record<string, { name: string; until: number }>>({});
  const markRead = useMutation(
    trpc.chats.markRead.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.chats.list.queryKey() }),
    }),
  );

  useSubscription(
    trpc.chats.watch.subscriptionOptions(
      {},
      {
        onData: (event) => {
          const item: ChatEvent = "data" in event ? event.data : event;
          const chat = item.payload.chatId;
          if (item.type === "ready" || !chat) return;
          const key = `${chat}:${item.payload.userId ?? ""}`;
          if (item.type === "typing") {
            if (item.payload.userId === me) return;
            setTyping((now) => ({
              ...now,
              [key]: { name: item.payload.username ?? "", until: Date.now() + 5000 },
            }));
            return;
          }
          if (item.type === "message.created") {
            setTyping((now) => {
              const next = { ...now };
              delete next[key];
              return next;
            });
          }
          void queryClient.invalidateQueries({ queryKey: trpc.chats.list.queryKey() });
          if (chat === chatId) {
            void queryClient.invalidateQueries({ queryKey: trpc.chats.info.queryKey({ chatId }) });
            void queryClient
              .invalidateQueries({ queryKey: trpc.chats.messages.infiniteQueryKey({ chatId }) })
              .then(() => {
                if (item.type === "message.created" && item.payload.userId !== me)
                  markRead.mutate({ chatId });
              });
          }
        },
      },
    ),
  );

  useEffect(() => {
    if (chatId) markRead.mutate({ chatId });
    const timer = setInterval(() => {
      const now = Date.now();
      setTyping((all) => Object.fromEntries(Object.entries(all).filter(([, v]) => v.until > now)));
    }, 1000);
    return () => clearInterval(timer);
  }, [chatId]); // once per opened chat (markRead is a stable mutation handle)

  const typingHere = Object.entries(typing)
    .filter(([key]) => chatId && key.startsWith(`${chatId}:`))
    .map(([, value]) => value.name);

  return (
    <div className="messages-layout">
      <aside className="panel">
        <NewChatForm />
        <ChatList openChatId={chatId} />
      </aside>
      {chatId ? (
        <Conversation key={chatId} chatId={chatId} me={me} typing={typingHere} />
      ) : (
        <section className="panel">
          <p className="note">{t("chats.pick")}</p>
        </section>
      )}
    </div>
  );
}
