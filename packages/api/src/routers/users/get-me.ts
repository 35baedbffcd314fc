import { AppError } from "@guildhall/core/errors";
import { countUnusedRecoveryCodes } from "@guildhall/core/identity";
import { getUserById, ownProfile } from "@guildhall/core/users";
import { z } from "zod";
import { authedProcedure } from "../../procedures";
import { profileOutput } from "./user.types";

/**
 * My own profile: e-mail and whether it is confirmed, MFA state with `recoveryCodesRemaining`, and
 * `deleteAfter` while a deletion request is pending.
 */
export const getMe = authedProcedure
  .meta({ openapi: { method: "GET", path: "/me", tags: ["users"], summary: "My profile" } })
  .input(z.void())
  .output(profileOutput)
  .query(async ({ ctx }) => {
    const user = await getUserById(ctx.db, ctx.principal.userId);
    if (!user) throw new AppError("USER_NOT_FOUND");
    return ownProfile(user, await countUnusedRecoveryCodes(ctx.db, user.id));
  });
