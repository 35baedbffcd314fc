import { editMessage as edit } from "@guildhall/core/tickets";
import { z } from "zod";
import { actorOf } from "../../middleware/actor";
import { permissionProcedure } from "../../procedures";
import { messageBody, messageOutput, onTicket } from "./ticket.types";

/** Authors change the text of their own message while the ticket is open. */
export const editMessage = permissionProcedure("ticket.read")
  .meta({
    openapi: {
      method: "PATCH",
      path: "/hubs/{hubSlug}/tickets/{ticketId}/messages/{messageId}",
      tags: ["tickets"],
      summary: "Edit my message",
      protect: true,
    },
    rateLimit: { name: "ticket-message", points: 20, durationSeconds: 10, by: "user" },
  })
  .input(z.object({ ...onTicket, messageId: z.uuid(), body: messageBody }))
  .output(messageOutput)
  .mutation(({ ctx, input }) =>
    edit(ctx.db, actorOf(ctx), input.ticketId, input.messageId, input.body),
  );
