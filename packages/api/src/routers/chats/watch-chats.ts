import { chatsChannel, findChat } from "@guildhall/core/chats";
import { openChannel, requireBus, resumeAfter } from "@guildhall/core/realtime";
import { tracked } from "@trpc/server";
import { z } from "zod";
import { authedProcedure } from "../../procedures";

/**
 * All my chats, live, on one connection: `chat.created`, `message.created`,
 * `message.edited`, `message.deleted`, `read` (tracked: resume with
 * lastEventId) and `typing` (live only). `chatId` narrows it to one chat of mine.
 */
export const watchChats = authedProcedure
  .meta({
    summary: "Watch my chats live",
    events: {
      ready: "The stream is live (untracked)",
      "chat.created": "A chat with me was started (tracked)",
      "message.created": "A message in one of my chats (tracked)",
      "message.edited": "A message was edited (tracked)",
      "message.deleted": "A message was deleted (tracked)",
      read: "A participant read up to a message (tracked)",
      typing: "The other participant is typing (live only)",
    },
  })
  .input(
    z.object({
      chatId: z.uuid().optional(),
      lastEventId: z.string().regex(/^\d+$/).nullish(),
    }),
  )
  .subscription(async ({ ctx, input, signal }) => {
    // Checked before the stream starts, so a refusal is an ordinary tRPC error.
    const userId = ctx.principal.userId;
    const bus = await requireBus(ctx);
    if (input.chatId) await findChat(ctx.db, userId, input.chatId);
    return live();
    async function* live() {
      // The stream is the caller's own; the channel re-checks the session and account.
      const { events } = await openChannel(
        bus,
        chatsChannel,
        { userId },
        { db: ctx.db, principal: ctx.principal, actor: { userId } },
        { after: resumeAfter(input.lastEventId), signal },
      );
      try {
        yield { type: "ready", payload: {} };
        for await (const item of events) {
          if (input.chatId && item.payload.chatId !== input.chatId) continue;
          if (item.kind === "signal") yield { type: item.type, payload: item.payload };
          else yield tracked(String(item.seq), { type: item.type, payload: item.payload });
        }
      } finally {
        // Ends the subscription (and its presence) however this generator ends.
        void events.return();
      }
    }
  });
