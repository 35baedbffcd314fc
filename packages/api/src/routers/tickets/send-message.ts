import { MAX_ATTACHMENTS, sendMessage as send } from "@guildhall/core/tickets";
import { z } from "zod";
import { actorOf } from "../../middleware/actor";
import { permissionProcedure } from "../../procedures";
import { messageBody, messageOutput, onTicket } from "./ticket.types";

/**
 * Adds a message (Markdown) to an open ticket, with files uploaded for it
 * first. `internal` notes are for staff only and hidden from the requester.
 */
export const sendMessage = permissionProcedure("ticket.read")
  .meta({
    openapi: {
      method: "POST",
      path: "/hubs/{hubSlug}/tickets/{ticketId}/messages",
      tags: ["tickets"],
      summary: "Send a message",
      protect: true,
    },
    rateLimit: { name: "ticket-message", points: 20, durationSeconds: 10, by: "user" },
  })
  .input(
    z.object({
      ...onTicket,
      body: messageBody,
      internal: z.boolean().default(false),
      attachments: z
        .array(z.object({ key: z.string().min(1).max(200), name: z.string().min(1).max(200) }))
        .max(MAX_ATTACHMENTS)
        .default([]),
    }),
  )
  .output(messageOutput)
  .mutation(({ ctx, input: { hubSlug: _, ticketId, ...message } }) =>
    send(ctx.db, actorOf(ctx), ticketId, message),
  );
