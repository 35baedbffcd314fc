import { listChatMessages } from "@guildhall/core/chats";
import { z } from "zod";
import { authedProcedure } from "../../procedures";
import { chatMessageOutput, onChat } from "./chats.types";

const cursors = ["cursor", "before", "after", "around"] as const;

/**
 * A page of a chat's messages, newest first: `before` / `after` / `around` a
 * message id (keyset pages that never skip or repeat while messages arrive),
 * or the seed's `limit` + `offset`. `cursor` is `before` under the name tRPC
 * infinite queries use.
 */
export const listMessages = authedProcedure
  .meta({
    openapi: {
      method: "GET",
      path: "/me/chats/{chatId}/messages",
      tags: ["chats"],
      summary: "A private chat's messages (newest first)",
      protect: true,
    },
  })
  .input(
    z
      .object({
        ...onChat,
        cursor: z.uuid().optional().describe("The same as `before` (for infinite queries)"),
        before: z.uuid().optional(),
        after: z.uuid().optional(),
        around: z.uuid().optional(),
        limit: z.coerce.number().int().min(1).max(100).default(50),
        offset: z.coerce.number().int().min(0).max(100_000).optional(),
      })
      .superRefine((input, ctx) => {
        const given = cursors.filter((name) => input[name] !== undefined);
        const extra = input.offset !== undefined ? given : given.slice(1);
        for (const name of extra)
          ctx.addIssue({ code: "custom", path: [name], message: "one cursor at most, no offset" });
      }),
  )
  .output(
    z.object({
      items: z.array(chatMessageOutput),
      nextBefore: z.uuid().nullable().describe("`before` for the older page; null at the oldest"),
      nextAfter: z.uuid().nullable().describe("`after` for the newer page; null at the newest"),
    }),
  )
  .query(({ ctx, input: { chatId, cursor, ...page } }) =>
    listChatMessages(ctx.db, ctx.principal.userId, chatId, {
      ...page,
      before: page.before ?? cursor,
    }),
  );
