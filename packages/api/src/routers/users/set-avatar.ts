import { setAvatar as storeAvatar } from "@guildhall/core/users";
import { z } from "zod";
import { authedProcedure } from "../../procedures";

/** PNG, JPEG, GIF or WebP up to 2 MB, base64 (a data: URL prefix is accepted); checked from the bytes. */
export const setAvatar = authedProcedure
  .meta({
    openapi: {
      method: "POST",
      path: "/me/avatar",
      tags: ["users"],
      summary: "Upload my avatar (base64 image)",
    },
    rateLimit: { name: "avatar", points: 10, durationSeconds: 600, by: "user" },
    // The request body, not the file: a 2 MB image is 2.8 MB as base64 (README, "Request size").
    bodyLimitBytes: 3 * 1024 * 1024,
  })
  .input(z.object({ image: z.string().min(1).max(2_900_000) }))
  .output(
    z.object({
      avatarUrl: z.string(),
      type: z.enum(["image/png", "image/jpeg", "image/gif", "image/webp"]),
      width: z.number().int(),
      height: z.number().int(),
    }),
  )
  .mutation(({ ctx, input }) => storeAvatar(ctx.db, ctx.principal.userId, input.image));
