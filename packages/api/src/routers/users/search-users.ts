import { searchUsers as searchUserRows } from "@guildhall/core/users";
import { z } from "zod";
import { authedProcedure } from "../../procedures";
import { publicProfileOutput } from "./user.types";

/** Exact or prefix search on usernames (seed 003), paged by username. */
export const searchUsers = authedProcedure
  .meta({
    openapi: {
      method: "GET",
      path: "/users/search",
      tags: ["users"],
      summary: "Find users by username",
    },
  })
  .input(
    z.object({
      query: z.string().trim().min(1).max(20),
      mode: z.enum(["exact", "prefix"]).default("prefix"),
      limit: z.coerce.number().int().min(1).max(50).default(20),
      after: z.string().max(20).optional(),
    }),
  )
  .output(z.object({ items: z.array(publicProfileOutput), nextCursor: z.string().nullable() }))
  .query(({ ctx, input }) => searchUserRows(ctx.db, input));
