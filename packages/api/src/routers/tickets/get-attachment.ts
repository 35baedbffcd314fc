import { getAttachment as get } from "@guildhall/core/tickets";
import { z } from "zod";
import { actorOf } from "../../middleware/actor";
import { permissionProcedure } from "../../procedures";
import { onTicket } from "./ticket.types";

/** A file of one of the ticket's messages (the id is its key's last part), as base64. */
export const getAttachment = permissionProcedure("ticket.read")
  .meta({
    openapi: {
      method: "GET",
      path: "/hubs/{hubSlug}/tickets/{ticketId}/attachments/{fileId}",
      tags: ["tickets"],
      summary: "Download a message's file",
      protect: true,
    },
  })
  .input(z.object({ ...onTicket, fileId: z.uuid() }))
  .output(
    z.object({
      fileId: z.uuid(),
      name: z.string(),
      type: z.string(),
      size: z.number().int(),
      data: z.string(),
    }),
  )
  .query(({ ctx, input }) => get(ctx.db, actorOf(ctx), input.ticketId, input.fileId));
