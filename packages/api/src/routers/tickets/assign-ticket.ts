import { assignTicket as assign } from "@guildhall/core/tickets";
import { z } from "zod";
import { actorOf } from "../../middleware/actor";
import { permissionProcedure } from "../../procedures";
import { onTicket, ticketRowOutput } from "./ticket.types";

/** Staff hand a ticket to a member who handles tickets (ticket.manage). */
export const assignTicket = permissionProcedure("ticket.manage")
  .meta({
    openapi: {
      method: "PUT",
      path: "/hubs/{hubSlug}/tickets/{ticketId}/assignee",
      tags: ["tickets"],
      summary: "Assign a ticket",
      protect: true,
    },
  })
  .input(z.object({ ...onTicket, assigneeId: z.uuid() }))
  .output(ticketRowOutput)
  .mutation(({ ctx, input }) => assign(ctx.db, actorOf(ctx), input.ticketId, input.assigneeId));
