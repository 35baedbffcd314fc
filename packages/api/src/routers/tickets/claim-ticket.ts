import { claimTicket as claim } from "@guildhall/core/tickets";
import { z } from "zod";
import { actorOf } from "../../middleware/actor";
import { permissionProcedure } from "../../procedures";
import { onTicket, ticketRowOutput } from "./ticket.types";

/** Staff take an unassigned ticket (TICKET_ALREADY_CLAIMED when someone else has it). */
export const claimTicket = permissionProcedure("ticket.manage")
  .meta({
    openapi: {
      method: "POST",
      path: "/hubs/{hubSlug}/tickets/{ticketId}/claim",
      tags: ["tickets"],
      summary: "Claim a ticket",
      protect: true,
    },
  })
  .input(z.object(onTicket))
  .output(ticketRowOutput)
  .mutation(({ ctx, input }) => claim(ctx.db, actorOf(ctx), input.ticketId));
