import { listAudit as listAuditRows } from "@guildhall/core/audit";
import { permissionProcedure } from "../../procedures";
import { listAuditInput, listAuditOutput } from "./list-audit.types";

/**
 * The hub's audit rows, newest first, filtered by `actorId`, `action` and `from`/`to`; paged:
 * pass `nextCursor` as `cursor`.
 */
export const listAudit = permissionProcedure("audit.read")
  .meta({
    openapi: {
      method: "GET",
      path: "/hubs/{hubSlug}/audit",
      tags: ["audit"],
      summary: "The hub's audit log, newest first",
      protect: true,
    },
  })
  .input(listAuditInput)
  .output(listAuditOutput)
  .query(async ({ ctx, input }) => {
    const { items, nextCursor } = await listAuditRows(ctx.db, { ...input, hubId: ctx.hub.id });
    return {
      items: items.map(({ hubId: _hubId, requestId: _requestId, ...entry }) => entry),
      nextCursor,
    };
  });
