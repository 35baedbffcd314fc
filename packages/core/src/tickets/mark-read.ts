import { schema, type Database } from "@guildhall/db";
import { and, desc, eq } from "drizzle-orm";
import type { HubActor } from "../access";
import { findTicket } from "./access";
import { isTicketStaff } from "./rules";

/** Marks every message the actor can see as read (unread count 0 until the next one). */
export async function markTicketRead(db: Database, actor: HubActor, ticketId: string) {
  const ticket = await findTicket(db, actor, ticketId);
  const m = schema.ticketMessages;
  const [newest] = await db
    .select({ id: m.id })
    .from(m)
    .where(and(eq(m.ticketId, ticket.id), isTicketStaff(actor) ? undefined : eq(m.internal, false)))
    .orderBy(desc(m.id))
    .limit(1);
  const readAt = new Date();
  const r = schema.ticketReads;
  const lastReadMessageId = newest?.id ?? null;
  await db
    .insert(r)
    .values({
      ticketId: ticket.id,
      userId: actor.userId,
      hubId: actor.hubId,
      lastReadMessageId,
      readAt,
    })
    .onConflictDoUpdate({
      target: [r.ticketId, r.userId],
      set: { lastReadMessageId, readAt },
    });
  return { ticketId: ticket.id, lastReadMessageId, readAt };
}
