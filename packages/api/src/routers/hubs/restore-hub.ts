import { restoreHub as restore } from "@guildhall/core/hubs";
import { z } from "zod";
import { authedProcedure } from "../../procedures";
import { hubDetails, hubDetailsOf, hubSlug } from "./hub.types";

/** Restores an archived hub (its owners or a super admin). */
export const restoreHub = authedProcedure
  .meta({
    openapi: {
      method: "POST",
      path: "/hubs/{hubSlug}/restore",
      tags: ["hubs"],
      summary: "Restore an archived hub",
    },
  })
  .input(z.object({ hubSlug }))
  .output(hubDetails)
  .mutation(async ({ ctx, input }) =>
    hubDetailsOf(
      await restore(ctx.db, ctx.principal, input.hubSlug, { ip: ctx.ip, requestId: ctx.requestId }),
    ),
  );
