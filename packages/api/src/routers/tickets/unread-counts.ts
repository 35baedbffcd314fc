import { unreadSummary } from "@guildhall/core/tickets";
import { z } from "zod";
import { actorOf } from "../../middleware/actor";
import { permissionProcedure } from "../../procedures";
import { hubSlug } from "../hubs/hub.types";

/** The caller's unread messages per ticket (only tickets with any) and in total. */
export const unreadCounts = permissionProcedure("ticket.read")
  .meta({
    openapi: {
      method: "GET",
      path: "/hubs/{hubSlug}/tickets/unread",
      tags: ["tickets"],
      summary: "My unread ticket messages",
      protect: true,
    },
  })
  .input(z.object({ hubSlug }).strict())
  .output(
    z.object({
      total: z.number().int(),
      tickets: z.array(z.object({ ticketId: z.uuid(), count: z.number().int() })),
    }),
  )
  .query(({ ctx }) => unreadSummary(ctx.db, actorOf(ctx)));
