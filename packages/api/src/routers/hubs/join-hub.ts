import { joinHub as join } from "@guildhall/core/members";
import { z } from "zod";
import { authedProcedure } from "../../procedures";
import { hubSlug } from "./hub.types";

/** Joins an open hub at once, or files a join request with a hub that reviews applications. */
export const joinHub = authedProcedure
  .meta({
    openapi: {
      method: "POST",
      path: "/hubs/{hubSlug}/join",
      tags: ["members"],
      summary: "Join a hub (or apply to)",
    },
  })
  .input(z.object({ hubSlug, message: z.string().trim().max(1000).optional() }))
  .output(
    z.object({
      status: z.enum(["joined", "applied"]),
      hubSlug: z.string(),
      applicationId: z.uuid().nullable(),
    }),
  )
  .mutation(({ ctx, input }) =>
    join(ctx.db, {
      hubSlug: input.hubSlug,
      userId: ctx.principal.userId,
      message: input.message,
      ip: ctx.ip,
    }),
  );
