import { publishSignal } from "@guildhall/core/realtime";
import { findTicket, ticketStream } from "@guildhall/core/tickets";
import { z } from "zod";
import { actorOf } from "../../middleware/actor";
import { permissionProcedure } from "../../procedures";
import { hubSlug } from "../hubs/hub.types";

/** Tells the ticket's viewers that the caller is typing (live only, never stored). */
export const typing = permissionProcedure("ticket.read")
  .meta({
    openapi: {
      method: "POST",
      path: "/hubs/{hubSlug}/tickets/{ticketId}/typing",
      tags: ["tickets"],
      summary: "Signal typing in a ticket",
    },
    rateLimit: { name: "typing", points: 30, durationSeconds: 60, by: "user" },
  })
  .input(z.object({ hubSlug, ticketId: z.uuid() }))
  .output(z.object({ sent: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    await findTicket(ctx.db, actorOf(ctx), input.ticketId);
    await publishSignal(ctx.db, {
      stream: ticketStream(input.ticketId),
      type: "typing",
      payload: { userId: ctx.principal.userId, username: ctx.principal.username },
    });
    return { sent: true as const };
  });
