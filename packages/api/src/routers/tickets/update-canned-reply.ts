import { updateCannedReply } from "@guildhall/core/tickets";
import { z } from "zod";
import { actorOf } from "../../middleware/actor";
import { permissionProcedure } from "../../procedures";
import { hubSlug } from "../hubs/hub.types";
import { cannedReplyBody, cannedReplyOutput, cannedReplyTitle } from "./ticket.types";
import { requireChange } from "../../input-rules";

/**
 * Changes the `title` or `body` of a saved answer (at least one; NOT_FOUND if not in this hub);
 * titles are unique in the hub (CONFLICT). Audited.
 */
export const updateReply = permissionProcedure("ticket.manage")
  .meta({
    openapi: {
      method: "PATCH",
      path: "/hubs/{hubSlug}/tickets/canned-replies/{replyId}",
      tags: ["tickets"],
      summary: "Change a canned reply",
      protect: true,
    },
  })
  .input(
    requireChange(
      z.object({
        hubSlug,
        replyId: z.uuid(),
        title: cannedReplyTitle.optional(),
        body: cannedReplyBody.optional(),
      }),
      ["hubSlug", "replyId"],
    ),
  )
  .output(cannedReplyOutput)
  .mutation(({ ctx, input: { hubSlug: _, replyId, ...changes } }) =>
    updateCannedReply(ctx.db, actorOf(ctx), replyId, changes),
  );
