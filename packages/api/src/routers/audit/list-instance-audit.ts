import { listAudit as listAuditRows } from "@guildhall/core/audit";
import { superAdminProcedure } from "../../procedures";
import { listInstanceAuditInput, listAuditOutput } from "./list-audit.types";

/** The instance's own audit rows (no hub: tokens, accounts, feature catalogue, identity); super admins. */
export const listInstanceAudit = superAdminProcedure
  .meta({
    openapi: {
      method: "GET",
      path: "/admin/audit",
      tags: ["admin"],
      summary: "The instance audit log (rows of no hub), newest first",
      protect: true,
    },
  })
  .input(listInstanceAuditInput)
  .output(listAuditOutput)
  .query(async ({ ctx, input }) => {
    const { items, nextCursor } = await listAuditRows(ctx.db, { ...input, hubId: null });
    return {
      items: items.map(({ hubId: _hubId, requestId: _requestId, ...entry }) => entry),
      nextCursor,
    };
  });
