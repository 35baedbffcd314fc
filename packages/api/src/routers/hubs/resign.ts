import { resign as leave } from "@guildhall/core/members";
import { z } from "zod";
import { actorOf } from "../../middleware/actor";
import { hubProcedure } from "../../procedures";
import { hubSlug } from "./hub.types";

/** Leaves the hub (its last owner cannot). */
export const resign = hubProcedure
  .meta({
    openapi: {
      method: "POST",
      path: "/hubs/{hubSlug}/leave",
      tags: ["members"],
      summary: "Leave a hub",
    },
  })
  .input(z.object({ hubSlug }).strict())
  .output(z.object({ left: z.literal(true) }))
  .mutation(async ({ ctx }) => {
    await leave(ctx.db, actorOf(ctx));
    return { left: true as const };
  });
