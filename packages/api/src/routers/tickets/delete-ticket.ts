import { deleteTicket as remove } from "@guildhall/core/tickets";
import { z } from "zod";
import { actorOf } from "../../middleware/actor";
import { permissionProcedure } from "../../procedures";
import { onTicket } from "./ticket.types";

/** Admins delete a ticket with its messages, transcript and files. */
export const deleteTicket = permissionProcedure("ticket.delete")
  .meta({
    openapi: {
      method: "DELETE",
      path: "/hubs/{hubSlug}/tickets/{ticketId}",
      tags: ["tickets"],
      summary: "Delete a ticket",
      protect: true,
    },
  })
  .input(z.object(onTicket))
  .output(z.object({ deleted: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    await remove(ctx.db, actorOf(ctx), input.ticketId);
    return { deleted: true as const };
  });
