import { listDevMailbox } from "@guildhall/core/mail";
import { z } from "zod";
import { superAdminProcedure } from "../../procedures";

/** Mail kept instead of sent while no SMTP server is configured. */
export const listMailbox = superAdminProcedure
  .meta({
    openapi: {
      method: "GET",
      path: "/admin/mailbox",
      tags: ["admin"],
      summary: "The dev mailbox (no SMTP configured)",
    },
  })
  .input(z.object({ limit: z.coerce.number().int().min(1).max(100).default(50) }))
  .output(
    z.object({
      items: z.array(
        z.object({
          id: z.uuid(),
          to: z.string(),
          subject: z.string(),
          body: z.string(),
          createdAt: z.date(),
        }),
      ),
    }),
  )
  .query(async ({ ctx, input }) => ({ items: await listDevMailbox(ctx.db, input.limit) }));
