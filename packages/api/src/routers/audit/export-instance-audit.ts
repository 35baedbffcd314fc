import { recordAudit } from "@guildhall/core/access";
import { exportAuditCsv } from "@guildhall/core/audit";
import { superAdminProcedure } from "../../procedures";
import { exportAuditOutput, exportInstanceAuditInput } from "./export-audit.types";

/** The instance audit log as CSV, with the same filters as audit.listInstance; super admins. */
export const exportInstanceAudit = superAdminProcedure
  .meta({
    openapi: {
      method: "GET",
      path: "/admin/audit/export",
      tags: ["admin"],
      summary: "The instance audit log as CSV (same filters as the list)",
      protect: true,
    },
    rateLimit: { name: "audit-export", points: 10, durationSeconds: 60, by: "user" },
  })
  .input(exportInstanceAuditInput)
  .output(exportAuditOutput)
  .query(async ({ ctx, input }) => {
    const result = await exportAuditCsv(ctx.db, { ...input, hubId: null });
    await recordAudit(ctx.db, {
      hubId: null,
      actorId: ctx.principal.userId,
      action: "audit.export",
      targetType: "audit_log",
      after: { ...input, rows: result.rows, truncated: result.truncated },
      ip: ctx.ip,
      requestId: ctx.requestId,
    });
    const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, "-");
    return { filename: `audit-instance-${stamp}.csv`, ...result };
  });
