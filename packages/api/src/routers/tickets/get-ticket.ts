import { getTicket as get } from "@guildhall/core/tickets";
import { z } from "zod";
import { actorOf } from "../../middleware/actor";
import { permissionProcedure } from "../../procedures";
import { onTicket, ticketOutput } from "./ticket.types";

/** One ticket: staff any of the hub's, others only their own (else TICKET_NOT_FOUND). */
export const getTicket = permissionProcedure("ticket.read")
  .meta({
    openapi: {
      method: "GET",
      path: "/hubs/{hubSlug}/tickets/{ticketId}",
      tags: ["tickets"],
      summary: "A ticket",
      protect: true,
    },
  })
  .input(z.object(onTicket))
  .output(ticketOutput)
  .query(({ ctx, input }) => get(ctx.db, actorOf(ctx), input.ticketId));
