import { deleteCannedReply } from "@guildhall/core/tickets";
import { z } from "zod";
import { actorOf } from "../../middleware/actor";
import { permissionProcedure } from "../../procedures";
import { hubSlug } from "../hubs/hub.types";

/**
 * Deletes one of the hub's saved answers (NOT_FOUND otherwise); audited. Messages already sent
 * with its text are unaffected.
 */
export const deleteReply = permissionProcedure("ticket.manage")
  .meta({
    openapi: {
      method: "DELETE",
      path: "/hubs/{hubSlug}/tickets/canned-replies/{replyId}",
      tags: ["tickets"],
      summary: "Delete a canned reply",
      protect: true,
    },
  })
  .input(z.object({ hubSlug, replyId: z.uuid() }))
  .output(z.object({ deleted: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    await deleteCannedReply(ctx.db, actorOf(ctx), input.replyId);
    return { deleted: true as const };
  });
