import { schema } from "@guildhall/db";
import { getTableColumns } from "drizzle-orm";

export type TicketMessageRow = typeof schema.ticketMessages.$inferSelect;

/** A message as callers see it (without the search vector). */
export type TicketMessage = Omit<TicketMessageRow, "search">;
/** The columns a message is read with (all but the search vector). */
const { search: _search, ...readColumns } = getTableColumns(schema.ticketMessages);
export const messageColumns = readColumns;
