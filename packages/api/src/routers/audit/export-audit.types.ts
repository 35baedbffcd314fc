import { z } from "zod";
import { listAuditInput, listInstanceAuditInput } from "./list-audit.types";

/** The list's filters, without paging: the file holds every match up to the cap. */
export const exportAuditInput = listAuditInput.omit({ cursor: true, limit: true });
export const exportInstanceAuditInput = listInstanceAuditInput.omit({ cursor: true, limit: true });

export const exportAuditOutput = z
  .object({
    filename: z.string(),
    /** RFC 4180, CRLF line ends, a header row; formula-like cells prefixed with '. */
    csv: z.string(),
    rows: z.number().int(),
    /** True when more rows matched than the cap (the newest are in the file). */
    truncated: z.boolean(),
  })
  .meta({ id: "AuditExport" });
