import { relations } from "drizzle-orm";
import { index, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns";
import { hubs } from "./hubs";
import { users } from "./users";

/**
 * One row per privileged write, inserted in the same transaction as the write.
 * `hub_id` is null for instance-level actions (creating a hub, super-admin work).
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: id(),
    hubId: uuid().references(() => hubs.id, { onDelete: "cascade" }),
    actorId: uuid().references(() => users.id, { onDelete: "set null" }),
    action: text().notNull(),
    targetType: text().notNull(),
    targetId: text(),
    before: jsonb(),
    after: jsonb(),
    ip: text(),
    requestId: text(),
    createdAt: createdAt(),
  },
  (t) => [
    index("audit_log_hub_idx").on(t.hubId, t.id),
    index("audit_log_actor_idx").on(t.actorId, t.id),
  ],
);

export const auditLogRelations = relations(auditLog, ({ one }) => ({
  hub: one(hubs, { fields: [auditLog.hubId], references: [hubs.id] }),
  actor: one(users, { fields: [auditLog.actorId], references: [users.id] }),
}));

export type AuditEntry = typeof auditLog.$inferSelect;
