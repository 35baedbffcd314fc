import { decideApplication } from "@guildhall/core/members";
import { z } from "zod";
import { actorOf } from "../../middleware/actor";
import { permissionProcedure } from "../../procedures";
import { hubSlug } from "../hubs/hub.types";

/** Accepts (the applicant becomes a member) or rejects a pending join request. */
export const decide = permissionProcedure("member.invite")
  .meta({
    openapi: {
      method: "POST",
      path: "/hubs/{hubSlug}/applications/{applicationId}/decision",
      tags: ["members"],
      summary: "Accept or reject a join request",
    },
  })
  .input(z.object({ hubSlug, applicationId: z.uuid(), accept: z.boolean() }))
  .output(z.object({ status: z.enum(["accepted", "rejected"]) }))
  .mutation(async ({ ctx, input }) => {
    await decideApplication(ctx.db, actorOf(ctx), input.applicationId, input.accept);
    return { status: input.accept ? ("accepted" as const) : ("rejected" as const) };
  });
