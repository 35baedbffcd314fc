import { unassignTicket as unassign } from "@guildhall/core/tickets";
import { z } from "zod";
import { actorOf } from "../../middleware/actor";
import { permissionProcedure } from "../../procedures";
import { onTicket, ticketRowOutput } from "./ticket.types";

/** Staff take the assignee off a ticket. */
export const unassignTicket = permissionProcedure("ticket.manage")
  .meta({
    openapi: {
      method: "DELETE",
      path: "/hubs/{hubSlug}/tickets/{ticketId}/assignee",
      tags: ["tickets"],
      summary: "Unassign a ticket",
      protect: true,
    },
  })
  .input(z.object(onTicket))
  .output(ticketRowOutput)
  .mutation(({ ctx, input }) => unassign(ctx.db, actorOf(ctx), input.ticketId));
