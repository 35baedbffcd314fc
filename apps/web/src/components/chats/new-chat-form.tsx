"use client";

import { toGuildhallError } from "@guildhall/client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useT } from "~/lib/i18n";
import { useTRPC } from "~/lib/trpc";

/** Starts (or reopens: one chat per pair) a chat with a user found by exact username. */
export function NewChatForm() {
  const t = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [username, setUsername] = useState("");
  const [notFound, setNotFound] = useState(false);
  const start = useMutation(
    trpc.chats.start.mutationOptions({
      onSuccess: (chat) => {
        setUsername("");
        void queryClient.invalidateQueries({ queryKey: trpc.chats.list.queryKey() });
        router.push(`/messages?chat=${chat.chatId}`);
      },
    }),
  );

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setNotFound(false);
    const found = await queryClient.fetchQuery(
      trpc.users.search.queryOptions({ query: username.trim(), mode: "exact", limit: 1 }),
    );
    const user = found.items[0];
    if (!user) return setNotFound(true);
    start.mutate({ recipientId: user.id });
  }

  return (
    <form className="inline" onSubmit={(e) => void submit(e)} data-testid="new-chat">
      <input
        aria-label={t("chats.username")}
        placeholder={t("chats.username")}
        value={username}
        maxLength={20}
        required
        onChange={(event) => setUsername(event.target.value)}
      />
      <button type="submit" disabled={start.isPending}>
        {t("chats.start")}
      </button>
      {notFound || start.error ? (
        <p className="form-error" role="alert">
          {notFound ? t("errors.userNotFound") : toGuildhallError(start.error).message}
        </p>
      ) : null}
    </form>
  );
}
