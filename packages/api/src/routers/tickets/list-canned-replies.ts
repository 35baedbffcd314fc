import { listCannedReplies } from "@guildhall/core/tickets";
import { z } from "zod";
import { permissionProcedure } from "../../procedures";
import { hubSlug } from "../hubs/hub.types";
import { cannedReplyOutput } from "./ticket.types";

/** The hub's saved answers (staff). */
export const listReplies = permissionProcedure("ticket.manage")
  .meta({
    openapi: {
      method: "GET",
      path: "/hubs/{hubSlug}/tickets/canned-replies",
      tags: ["tickets"],
      summary: "Canned replies",
      protect: true,
    },
  })
  .input(z.object({ hubSlug }).strict())
  .output(z.object({ items: z.array(cannedReplyOutput) }))
  .query(async ({ ctx }) => ({ items: await listCannedReplies(ctx.db, ctx.hub.id) }));
