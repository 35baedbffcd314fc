import { listSessions as listSessionRows } from "@guildhall/core/identity";
import { z } from "zod";
import { authedProcedure } from "../../procedures";

export const sessionOutput = z
  .object({
    id: z.uuid(),
    kind: z.enum(["api", "browser"]),
    userAgent: z.string().nullable(),
    ip: z.string().nullable(),
    createdAt: z.date(),
    lastSeenAt: z.date(),
    expiresAt: z.date(),
    current: z.boolean(),
  })
  .meta({ id: "Session" });

/**
 * My sessions that are neither ended nor expired, most recently seen first; `current` marks the
 * one making this call.
 */
export const listSessions = authedProcedure
  .meta({
    openapi: { method: "GET", path: "/me/sessions", tags: ["auth"], summary: "My active sessions" },
  })
  .input(z.void())
  .output(z.object({ items: z.array(sessionOutput) }))
  .query(async ({ ctx }) => ({
    items: (await listSessionRows(ctx.db, ctx.principal.userId)).map((s) => ({
      ...s,
      current: s.id === ctx.principal.sessionId,
    })),
  }));
