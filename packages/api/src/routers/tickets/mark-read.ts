import { markTicketRead } from "@guildhall/core/tickets";
import { z } from "zod";
import { actorOf } from "../../middleware/actor";
import { permissionProcedure } from "../../procedures";
import { onTicket } from "./ticket.types";

/** Marks a ticket read for the caller: its unread count drops to 0. */
export const markRead = permissionProcedure("ticket.read")
  .meta({
    openapi: {
      method: "POST",
      path: "/hubs/{hubSlug}/tickets/{ticketId}/read",
      tags: ["tickets"],
      summary: "Mark a ticket read",
      protect: true,
    },
  })
  .input(z.object(onTicket))
  .output(
    z.object({ ticketId: z.uuid(), lastReadMessageId: z.uuid().nullable(), readAt: z.date() }),
  )
  .mutation(({ ctx, input }) => markTicketRead(ctx.db, actorOf(ctx), input.ticketId));
