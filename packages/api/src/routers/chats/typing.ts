import { chatTyping } from "@guildhall/core/chats";
import { z } from "zod";
import { authedProcedure } from "../../procedures";
import { onChat } from "./chats.types";

/** Tells the other participant that I am typing (live only, never stored). */
export const typing = authedProcedure
  .meta({
    openapi: {
      method: "POST",
      path: "/me/chats/{chatId}/typing",
      tags: ["chats"],
      summary: "Signal typing in a private chat",
      protect: true,
    },
    rateLimit: { name: "chat-typing", points: 30, durationSeconds: 60, by: "user" },
  })
  .input(z.object(onChat))
  .output(z.object({ sent: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    await chatTyping(ctx.db, ctx.principal, input.chatId);
    return { sent: true as const };
  });
