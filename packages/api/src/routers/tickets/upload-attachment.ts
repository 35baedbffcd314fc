import { uploadAttachment as upload } from "@guildhall/core/tickets";
import { z } from "zod";
import { actorOf } from "../../middleware/actor";
import { permissionProcedure } from "../../procedures";
import { attachmentOutput, onTicket } from "./ticket.types";

/**
 * Stores a file (base64, up to 5 MB) for a message on an open ticket: images
 * (checked from the bytes), PDF, or text (.txt, .log, .md, .csv). Send the
 * answer's key and name with the message.
 */
export const uploadAttachment = permissionProcedure("ticket.read")
  .meta({
    openapi: {
      method: "POST",
      path: "/hubs/{hubSlug}/tickets/{ticketId}/attachments",
      tags: ["tickets"],
      summary: "Upload a file for a message (base64)",
      protect: true,
    },
    rateLimit: { name: "ticket-upload", points: 20, durationSeconds: 600, by: "user" },
    // The request body, not the file: a 5 MB file is 6.7 MB as base64 (README, "Request size").
    bodyLimitBytes: 8 * 1024 * 1024,
  })
  .input(
    z.object({
      ...onTicket,
      name: z.string().trim().min(1).max(200),
      data: z.string().min(1).max(7_200_000),
    }),
  )
  .output(attachmentOutput)
  .mutation(({ ctx, input }) =>
    upload(ctx.db, actorOf(ctx), input.ticketId, { name: input.name, data: input.data }),
  );
