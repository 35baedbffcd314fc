import { createCannedReply } from "@guildhall/core/tickets";
import { z } from "zod";
import { actorOf } from "../../middleware/actor";
import { permissionProcedure } from "../../procedures";
import { hubSlug } from "../hubs/hub.types";
import { cannedReplyBody, cannedReplyOutput, cannedReplyTitle } from "./ticket.types";

/** Saves an answer staff can insert into replies; the same title and body again is a no-op. */
export const createReply = permissionProcedure("ticket.manage")
  .meta({
    openapi: {
      method: "POST",
      path: "/hubs/{hubSlug}/tickets/canned-replies",
      tags: ["tickets"],
      summary: "Save a canned reply",
      protect: true,
    },
  })
  .input(z.object({ hubSlug, title: cannedReplyTitle, body: cannedReplyBody }))
  .output(cannedReplyOutput)
  .mutation(({ ctx, input }) =>
    createCannedReply(ctx.db, actorOf(ctx), { title: input.title, body: input.body }),
  );
