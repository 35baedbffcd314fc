import { removeAvatar as dropAvatar } from "@guildhall/core/users";
import { z } from "zod";
import { authedProcedure } from "../../procedures";

/** Removes my avatar and its stored file; without one it does nothing and answers the same. */
export const removeAvatar = authedProcedure
  .meta({
    openapi: { method: "DELETE", path: "/me/avatar", tags: ["users"], summary: "Remove my avatar" },
  })
  .input(z.void())
  .output(z.object({ ok: z.literal(true) }))
  .mutation(async ({ ctx }) => {
    await dropAvatar(ctx.db, ctx.principal.userId);
    return { ok: true as const };
  });
