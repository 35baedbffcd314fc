import { listRestorableHubs } from "@guildhall/core/hubs";
import { z } from "zod";
import { authedProcedure } from "../../procedures";

/** Archived hubs I may restore: the ones I own, or every one for super admins. */
export const listArchived = authedProcedure
  .meta({
    openapi: {
      method: "GET",
      path: "/me/hubs/archived",
      tags: ["hubs"],
      summary: "Archived hubs I can restore",
      protect: true,
    },
  })
  .input(z.void())
  .output(
    z.object({
      items: z.array(
        z.object({ id: z.uuid(), slug: z.string(), name: z.string(), archivedAt: z.date() }),
      ),
    }),
  )
  .query(async ({ ctx }) => ({ items: await listRestorableHubs(ctx.db, ctx.principal) }));
