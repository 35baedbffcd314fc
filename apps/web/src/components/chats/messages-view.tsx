"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useEffect } from "react";
import { useT } from "~/lib/i18n";
import { useTRPC } from "~/lib/trpc";
import { useTypingIndicator } from "~/lib/typing";
import { ChatList } from "./chat-list";
import { Conversation } from "./conversation";
import { NewChatForm } from "./new-chat-form";

interface ChatEvent {
  type: string;
  /** Typing and read events name `userId`; message events name their `authorId`. */
  payload: { chatId?: string; userId?: string; authorId?: string; username?: string };
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
  const typing = useTypingIndicator();
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
          const who = item.payload.userId ?? item.payload.authorId ?? "";
          const key = `${chat}:${who}`;
          if (item.type === "typing") {
            if (who === me) return;
            typing.saw(key, item.payload.username ?? "");
            return;
          }
          if (item.type === "message.created") {
            typing.stopped(key);
          }
          void queryClient.invalidateQueries({ queryKey: trpc.chats.list.queryKey() });
          if (chat === chatId) {
            void queryClient.invalidateQueries({ queryKey: trpc.chats.info.queryKey({ chatId }) });
            void queryClient
              .invalidateQueries({ queryKey: trpc.chats.messages.infiniteQueryKey({ chatId }) })
              .then(() => {
                if (item.type === "message.created" && who !== me) markRead.mutate({ chatId });
              });
          }
        },
      },
    ),
  );

  useEffect(() => {
    if (chatId) markRead.mutate({ chatId });
  }, [chatId]); // once per opened chat (markRead is a stable mutation handle)

  const typingHere = chatId ? typing.names(`${chatId}:`) : [];

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
