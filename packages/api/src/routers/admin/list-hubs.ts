import { listAllHubs } from "@guildhall/core/hubs";
import { z } from "zod";
import { superAdminProcedure } from "../../procedures";

/** Seed 001 "list groups": every hub of the instance, active or archived. */
export const listHubs = superAdminProcedure
  .meta({
    openapi: { method: "GET", path: "/admin/hubs", tags: ["admin"], summary: "All hubs" },
  })
  .input(
    z.object({
      archived: z
        .enum(["true", "false"])
        .transform((v) => v === "true")
        .optional(),
      after: z.string().max(32).optional(),
      limit: z.coerce.number().int().min(1).max(100).default(50),
    }),
  )
  .output(
    z.object({
      items: z.array(
        z.object({
          id: z.uuid(),
          slug: z.string(),
          name: z.string(),
          joinPolicy: z.string(),
          streamLimit: z.number().int(),
          archivedAt: z.date().nullable(),
          createdAt: z.date(),
          members: z.number().int(),
        }),
      ),
      nextCursor: z.string().nullable(),
    }),
  )
  .query(({ ctx, input }) => listAllHubs(ctx.db, input));
