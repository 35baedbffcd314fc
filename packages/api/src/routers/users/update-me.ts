import { updateProfile } from "@guildhall/core";
import { authedProcedure } from "../../procedures";
import { profileOutput, profileUpdate } from "./user.types";
import { requireChange } from "../../input-rules";

export const updateMe = authedProcedure
  .meta({
    openapi: { method: "PATCH", path: "/me", tags: ["users"], summary: "Update my profile" },
  })
  .input(requireChange(profileUpdate, []))
  .output(profileOutput)
  .mutation(({ ctx, input }) => updateProfile(ctx.db, ctx.principal.userId, input));
