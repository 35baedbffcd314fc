import { closeTicket as close } from "@guildhall/core/tickets";
import { z } from "zod";
import { actorOf } from "../../middleware/actor";
import { permissionProcedure } from "../../procedures";
import { onTicket, ticketRowOutput } from "./ticket.types";

/** Its creator or staff close a ticket, optionally saying why; the transcript is kept. */
export const closeTicket = permissionProcedure("ticket.read")
  .meta({
    openapi: {
      method: "POST",
      path: "/hubs/{hubSlug}/tickets/{ticketId}/close",
      tags: ["tickets"],
      summary: "Close a ticket",
      protect: true,
    },
  })
  .input(z.object({ ...onTicket, reason: z.string().trim().min(1).max(500).optional() }))
  .output(ticketRowOutput)
  .mutation(({ ctx, input }) => close(ctx.db, actorOf(ctx), input.ticketId, input.reason ?? null));
