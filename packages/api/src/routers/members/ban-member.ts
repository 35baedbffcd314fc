import { banUser } from "@guildhall/core/members";
import { z } from "zod";
import { actorOf } from "../../middleware/actor";
import { permissionProcedure } from "../../procedures";
import { hubSlug } from "../hubs/hub.types";
import { banOutput } from "./member.types";

/** Bans a user ranked below you (removing them if a member), with a reason and optional expiry. */
export const banMember = permissionProcedure("member.ban")
  .meta({
    openapi: {
      method: "POST",
      path: "/hubs/{hubSlug}/bans",
      tags: ["members"],
      summary: "Ban a user",
    },
  })
  .input(
    z.object({
      hubSlug,
      userId: z.uuid(),
      reason: z.string().trim().min(1).max(500),
      expiresAt: z.coerce
        .date()
        .refine((d) => d.getTime() > Date.now(), { message: "must be in the future" })
        .nullable()
        .optional(),
    }),
  )
  .output(banOutput)
  .mutation(({ ctx, input }) =>
    banUser(ctx.db, actorOf(ctx), {
      userId: input.userId,
      reason: input.reason,
      expiresAt: input.expiresAt ?? null,
    }),
  );
