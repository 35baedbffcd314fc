import { updateProfile } from "@guildhall/core";
import { authedProcedure } from "../../procedures";
import { profileOutput, profileUpdate } from "./user.types";
import { requireChange } from "../../input-rules";

/**
 * Changes the given profile fields only (at least one; null clears a field, `privacy` replaces
 * the whole map); audited.
 */
export const updateMe = authedProcedure
  .meta({
    openapi: { method: "PATCH", path: "/me", tags: ["users"], summary: "Update my profile" },
  })
  .input(requireChange(profileUpdate, []))
  .output(profileOutput)
  .mutation(({ ctx, input }) => updateProfile(ctx.db, ctx.principal.userId, input));
