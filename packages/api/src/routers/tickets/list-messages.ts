import { listMessages as list } from "@guildhall/core/tickets";
import { z } from "zod";
import { actorOf } from "../../middleware/actor";
import { permissionProcedure } from "../../procedures";
import { messageOutput, onTicket, pageInput } from "./ticket.types";

/** A ticket's messages, newest first; internal notes only for staff. */
export const listMessages = permissionProcedure("ticket.read")
  .meta({
    openapi: {
      method: "GET",
      path: "/hubs/{hubSlug}/tickets/{ticketId}/messages",
      tags: ["tickets"],
      summary: "A ticket's messages (newest first)",
      protect: true,
    },
  })
  .input(z.object({ ...onTicket, ...pageInput }))
  .output(
    z.object({
      items: z.array(
        messageOutput.extend({
          authorName: z.string().nullable(),
          /** Written by the ticket's creator (else by staff). */
          byRequester: z.boolean(),
        }),
      ),
      nextCursor: z.uuid().nullable(),
    }),
  )
  .query(({ ctx, input }) => list(ctx.db, actorOf(ctx), input.ticketId, input));
