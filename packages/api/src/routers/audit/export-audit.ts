import { recordAudit } from "@guildhall/core/access";
import { exportAuditCsv } from "@guildhall/core/audit";
import { permissionProcedure } from "../../procedures";
import { exportAuditInput, exportAuditOutput } from "./export-audit.types";

/**
 * The hub's audit log as CSV with the filters of audit.list, newest first, at most 50,000 rows
 * (`truncated` when more matched: narrow `from`/`to` to reach older ones). The export is itself
 * audited (`audit.export`).
 */
export const exportAudit = permissionProcedure("audit.export")
  .meta({
    openapi: {
      method: "GET",
      path: "/hubs/{hubSlug}/audit/export",
      tags: ["audit"],
      summary: "The hub's audit log as CSV (same filters as the list)",
      protect: true,
    },
    rateLimit: { name: "audit-export", points: 10, durationSeconds: 60, by: "user" },
  })
  .input(exportAuditInput)
  .output(exportAuditOutput)
  .query(async ({ ctx, input: { hubSlug: _slug, ...filters } }) => {
    const result = await exportAuditCsv(ctx.db, { ...filters, hubId: ctx.hub.id });
    // Taking the log out of the dashboard is itself worth a line in it.
    await recordAudit(ctx.db, {
      hubId: ctx.hub.id,
      actorId: ctx.principal.userId,
      action: "audit.export",
      targetType: "audit_log",
      after: { ...filters, rows: result.rows, truncated: result.truncated },
      ip: ctx.ip,
      requestId: ctx.requestId,
    });
    const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, "-");
    return { filename: `audit-${ctx.hub.slug}-${stamp}.csv`, ...result };
  });
