import { listUsersForAdmin } from "@guildhall/core/user-admin";
import { z } from "zod";
import { superAdminProcedure } from "../../procedures";
import { adminUserOutput } from "./admin.types";

/**
 * Every account, active or not, by username (case-insensitive); `query` matches any part of the
 * username. Paged: pass `nextCursor` (the last username) as `after`.
 */
export const listUsers = superAdminProcedure
  .meta({
    openapi: { method: "GET", path: "/admin/users", tags: ["admin"], summary: "All accounts" },
  })
  .input(
    z.object({
      query: z.string().trim().max(20).optional(),
      after: z.string().max(20).optional(),
      limit: z.coerce.number().int().min(1).max(100).default(50),
    }),
  )
  .output(z.object({ items: z.array(adminUserOutput), nextCursor: z.string().nullable() }))
  .query(({ ctx, input }) => listUsersForAdmin(ctx.db, input));
