import { schema, type DbOrTx } from "@guildhall/db";
import { and, desc, eq, lt } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { HubActor } from "../access";
import { findTicket, visibleMessages } from "./access";
import { messageColumns } from "./message-row";

/** Messages of a ticket, newest first (keyset on the id); internal notes for staff only. */
export async function listMessages(
  db: DbOrTx,
  actor: HubActor,
  ticketId: string,
  page: { cursor?: string; limit: number },
) {
  const ticket = await findTicket(db, actor, ticketId);
  const m = schema.ticketMessages;
  const author = alias(schema.users, "author");
  const rows = await db
    .select({ message: messageColumns, authorName: author.username })
    .from(m)
    .leftJoin(author, eq(author.id, m.authorId))
    .where(
      and(
        eq(m.ticketId, ticket.id),
        eq(m.hubId, actor.hubId),
        visibleMessages(actor),
        page.cursor ? lt(m.id, page.cursor) : undefined,
      ),
    )
    .orderBy(desc(m.id))
    .limit(page.limit + 1);
  const items = rows.slice(0, page.limit).map(({ message, authorName }) => ({
    ...message,
    authorName,
    byRequester: message.authorId !== null && message.authorId === ticket.createdBy,
  }));
  return {
    items,
    nextCursor: rows.length > page.limit ? items.at(-1)!.id : null,
  };
}
