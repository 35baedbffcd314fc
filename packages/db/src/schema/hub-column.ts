import { uuid } from "drizzle-orm/pg-core";
import { hubs } from "./hubs";

/** The tenant column every hub-scoped row carries; rows go when their hub goes. */
export const hubId = () =>
  uuid("hub_id")
    .notNull()
    .references(() => hubs.id, { onDelete: "cascade" });
