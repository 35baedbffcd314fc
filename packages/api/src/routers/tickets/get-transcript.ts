import { getTranscript as get } from "@guildhall/core/tickets";
import { z } from "zod";
import { actorOf } from "../../middleware/actor";
import { permissionProcedure } from "../../procedures";
import { onTicket } from "./ticket.types";

/** The transcript kept when the ticket was closed (HTML escaped), without internal notes. */
export const getTranscript = permissionProcedure("ticket.read")
  .meta({
    openapi: {
      method: "GET",
      path: "/hubs/{hubSlug}/tickets/{ticketId}/transcript",
      tags: ["tickets"],
      summary: "A closed ticket's transcript (Markdown or HTML)",
      protect: true,
    },
  })
  .input(z.object({ ...onTicket, format: z.enum(["markdown", "html"]).default("markdown") }))
  .output(
    z.object({
      ticketId: z.uuid(),
      format: z.enum(["markdown", "html"]),
      filename: z.string(),
      contentType: z.string(),
      content: z.string(),
      createdAt: z.date(),
    }),
  )
  .query(({ ctx, input }) => get(ctx.db, actorOf(ctx), input.ticketId, input.format));
