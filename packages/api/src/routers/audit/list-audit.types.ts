import { z } from "zod";
import { hubSlug } from "../hubs/hub.types";

/** The filters and paging of every audit list, hub or instance. */
const auditFilters = {
  actorId: z.uuid().optional(),
  action: z.string().max(64).optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  cursor: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
};

export const listAuditInput = z.object({ hubSlug, ...auditFilters });

/** The same filters for the instance log (rows of no hub). */
export const listInstanceAuditInput = z.object(auditFilters);

export const auditEntry = z
  .object({
    id: z.uuid(),
    actorId: z.uuid().nullable(),
    action: z.string(),
    targetType: z.string(),
    targetId: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
    ip: z.string().nullable(),
    createdAt: z.date(),
  })
  .meta({ id: "AuditEntry" });

export const listAuditOutput = z.object({
  items: z.array(auditEntry),
  nextCursor: z.uuid().nullable(),
});
