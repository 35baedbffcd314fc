import type { schema } from "@guildhall/db";

export type Site = typeof schema.sites.$inferSelect;
export type Stream = typeof schema.streams.$inferSelect;
