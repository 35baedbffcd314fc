import { SETTABLE_STATUSES, updateTicket as update } from "@guildhall/core/tickets";
import { z } from "zod";
import { actorOf } from "../../middleware/actor";
import { permissionProcedure } from "../../procedures";
import { category, onTicket, tag, ticketPriority, ticketRowOutput } from "./ticket.types";
import { requireChange } from "../../input-rules";

/** Staff set status (open, pending, on hold), priority, tags or category. */
export const updateTicket = permissionProcedure("ticket.manage")
  .meta({
    openapi: {
      method: "PATCH",
      path: "/hubs/{hubSlug}/tickets/{ticketId}",
      tags: ["tickets"],
      summary: "Change a ticket's status, priority, tags or category",
      protect: true,
    },
  })
  .input(
    requireChange(
      z.object({
        ...onTicket,
        status: z.enum(SETTABLE_STATUSES).optional(),
        priority: ticketPriority.optional(),
        tags: z.array(tag).max(10).optional(),
        category: category.optional(),
      }),
      ["hubSlug", "ticketId"],
    ),
  )
  .output(ticketRowOutput)
  .mutation(({ ctx, input: { hubSlug: _, ticketId, ...changes } }) =>
    update(ctx.db, actorOf(ctx), ticketId, changes),
  );
