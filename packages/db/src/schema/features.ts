import { boolean, integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { id, timestamps } from "./columns";
import { hubId } from "./hub-column";

/** The instance's catalogue of feature toggles (super admins manage it). */
export const features = pgTable("features", {
  key: text().primaryKey(),
  name: text().notNull(),
  description: text().notNull().default(""),
  ...timestamps(),
});

/**
 * A feature switched on for one hub, optionally only for some roles or users,
 * and rolled out to a percentage of users (sticky hash of the user id).
 */
export const hubFeatures = pgTable(
  "hub_features",
  {
    id: id(),
    hubId: hubId(),
    featureKey: text()
      .notNull()
      .references(() => features.key, { onDelete: "cascade" }),
    enabled: boolean().notNull().default(true),
    rolloutPercent: integer().notNull().default(100),
    roleIds: uuid().array().notNull().default([]),
    userIds: uuid().array().notNull().default([]),
    ...timestamps(),
  },
  (t) => [uniqueIndex("hub_features_hub_feature_key").on(t.hubId, t.featureKey)],
);
