import { mergeTickets as merge } from "@guildhall/core/tickets";
import { z } from "zod";
import { actorOf } from "../../middleware/actor";
import { permissionProcedure } from "../../procedures";
import { onTicket } from "./ticket.types";

/** Staff merge this ticket into another: messages move, this one closes pointing there. */
export const mergeTickets = permissionProcedure("ticket.manage")
  .meta({
    openapi: {
      method: "POST",
      path: "/hubs/{hubSlug}/tickets/{ticketId}/merge",
      tags: ["tickets"],
      summary: "Merge a ticket into another",
      protect: true,
    },
  })
  .input(z.object({ ...onTicket, targetTicketId: z.uuid() }))
  .output(
    z.object({
      ticketId: z.uuid(),
      mergedIntoId: z.uuid(),
      movedMessages: z.number().int(),
    }),
  )
  .mutation(async ({ ctx, input }) => {
    const result = await merge(ctx.db, actorOf(ctx), input.ticketId, input.targetTicketId);
    return {
      ticketId: result.source.id,
      mergedIntoId: result.target.id,
      movedMessages: result.movedMessages,
    };
  });
