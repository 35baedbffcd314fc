import { reopenTicket as reopen } from "@guildhall/core/tickets";
import { z } from "zod";
import { actorOf } from "../../middleware/actor";
import { permissionProcedure } from "../../procedures";
import { onTicket, ticketRowOutput } from "./ticket.types";

/** Its creator or staff reopen a closed ticket, at most 3 times (TICKET_REOPEN_LIMIT). */
export const reopenTicket = permissionProcedure("ticket.read")
  .meta({
    openapi: {
      method: "POST",
      path: "/hubs/{hubSlug}/tickets/{ticketId}/reopen",
      tags: ["tickets"],
      summary: "Reopen a ticket",
      protect: true,
    },
  })
  .input(z.object(onTicket))
  .output(ticketRowOutput)
  .mutation(({ ctx, input }) => reopen(ctx.db, actorOf(ctx), input.ticketId));
