import { deleteSlaPolicy } from "@guildhall/core/tickets";
import { z } from "zod";
import { actorOf } from "../../middleware/actor";
import { permissionProcedure } from "../../procedures";
import { hubSlug } from "../hubs/hub.types";
import { category } from "./ticket.types";

/**
 * Removes a category's SLA policy (category matched in any case; NOT_FOUND without one); audited.
 * Tickets opened afterwards get no due times, open ones keep theirs.
 */
export const deletePolicy = permissionProcedure("ticket.manage")
  .meta({
    openapi: {
      method: "DELETE",
      path: "/hubs/{hubSlug}/tickets/sla-policies/{category}",
      tags: ["tickets"],
      summary: "Remove a category's SLA policy",
      protect: true,
    },
  })
  .input(z.object({ hubSlug, category }))
  .output(z.object({ deleted: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    await deleteSlaPolicy(ctx.db, actorOf(ctx), input.category);
    return { deleted: true as const };
  });
