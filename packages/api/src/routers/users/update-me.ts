import { countUnusedRecoveryCodes } from "@guildhall/core/identity";
import { ownProfile, updateProfile } from "@guildhall/core/users";
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
  .mutation(async ({ ctx, input }) => {
    const user = await updateProfile(ctx.db, ctx.principal.userId, input);
    return ownProfile(user, await countUnusedRecoveryCodes(ctx.db, user.id));
  });
