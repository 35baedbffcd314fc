import { setSlaPolicy } from "@guildhall/core/tickets";
import { z } from "zod";
import { actorOf } from "../../middleware/actor";
import { permissionProcedure } from "../../procedures";
import { hubSlug } from "../hubs/hub.types";
import { category, slaMinutes, slaPolicyOutput } from "./ticket.types";

/** Sets a category's targets in minutes; tickets opened afterwards get due times from it. */
export const setPolicy = permissionProcedure("ticket.manage")
  .meta({
    openapi: {
      method: "PUT",
      path: "/hubs/{hubSlug}/tickets/sla-policies/{category}",
      tags: ["tickets"],
      summary: "Set a category's SLA policy",
      protect: true,
    },
  })
  .input(
    z.object({
      hubSlug,
      category,
      firstResponseMinutes: slaMinutes,
      resolutionMinutes: slaMinutes,
    }),
  )
  .output(slaPolicyOutput)
  .mutation(({ ctx, input: { hubSlug: _, ...policy } }) =>
    setSlaPolicy(ctx.db, actorOf(ctx), policy),
  );
