import { schema, type Database } from "@guildhall/db";
import { and, eq } from "drizzle-orm";
import { auditBase, recordAudit, type HubActor } from "../access";
import { assertNotClosed, findTicket, ticketSettings, type TicketRow } from "./access";
import { matchCategory } from "./create-ticket";
import { publishTicketUpdated } from "./events";
import {
  normalizeTags,
  slaDueTimes,
  type TicketPriorityValue,
  type TicketStatusValue,
} from "./rules";

export interface TicketChanges {
  status?: Exclude<TicketStatusValue, "closed">;
  priority?: TicketPriorityValue;
  tags?: string[];
  category?: string;
}

const sameTags = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((tag, i) => tag === b[i]);

/**
 * Staff change status (open / pending / on hold; closing has its own rule),
 * priority, tags or category. A new category takes its SLA policy's due times
 * (counted from creation). Only fields that really change are written,
 * published and audited.
 */
export async function updateTicket(
  db: Database,
  actor: HubActor,
  ticketId: string,
  changes: TicketChanges,
): Promise<TicketRow> {
  const categories = changes.category ? (await ticketSettings(db, actor.hubId)).categories : [];
  return db.transaction(async (tx) => {
    const ticket = await findTicket(tx, actor, ticketId, { lock: true });
    const set: Partial<TicketRow> = {};
    if (changes.status !== undefined && changes.status !== ticket.status) {
      assertNotClosed(ticket);
      set.status = changes.status;
    }
    if (changes.priority !== undefined && changes.priority !== ticket.priority)
      set.priority = changes.priority;
    if (changes.tags !== undefined) {
      const tags = normalizeTags(changes.tags);
      if (!sameTags(tags, ticket.tags)) set.tags = tags;
    }
    if (changes.category !== undefined) {
      const category = matchCategory(categories, changes.category);
      if (category !== ticket.category) {
        const [policy] = await tx
          .select()
          .from(schema.slaPolicies)
          .where(
            and(
              eq(schema.slaPolicies.hubId, actor.hubId),
              eq(schema.slaPolicies.category, category),
            ),
          );
        Object.assign(set, { category }, slaDueTimes(ticket.createdAt, policy));
      }
    }
    if (Object.keys(set).length === 0) return ticket;
    const now = new Date();
    const [updated] = await tx
      .update(schema.tickets)
      .set({ ...set, updatedAt: now, ...(set.status ? { lastActivityAt: now } : {}) })
      .where(eq(schema.tickets.id, ticket.id))
      .returning();
    const before = Object.fromEntries(
      Object.keys(set).map((key) => [key, ticket[key as keyof TicketRow]]),
    );
    await publishTicketUpdated(tx, updated!, set, actor.userId);
    await recordAudit(tx, {
      ...auditBase(actor),
      action: "ticket.update",
      targetType: "ticket",
      targetId: ticket.id,
      before,
      after: set,
    });
    return updated!;
  });
}
