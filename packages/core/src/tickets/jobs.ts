import { schema, type Database } from "@guildhall/db";
import { and, asc, eq, lte, ne } from "drizzle-orm";
import { recordAudit } from "../access";
import { ticketSettings } from "./access";
import { closeTicketRow } from "./close-reopen";
import { deleteTicketRows, removeTicketFiles } from "./delete-ticket";

/** Tickets handled per hub and run; the next run takes the rest. */
const BATCH = 500;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Closes tickets without activity for the hub's `auto_close_hours` (0 = never;
 * only hubs that saved their tickets section can have set it). Each ticket is
 * closed in its own transaction, re-checked under its lock.
 */
export async function autoCloseTickets(db: Database, now = new Date()): Promise<number> {
  const sections = await db
    .select({ hubId: schema.configSections.hubId })
    .from(schema.configSections)
    .where(eq(schema.configSections.section, "tickets"));
  let closed = 0;
  for (const { hubId } of sections) {
    const settings = await ticketSettings(db, hubId);
    if (settings.auto_close_hours === 0) continue;
    const t = schema.tickets;
    const idle = (cutoff: Date) =>
      and(eq(t.hubId, hubId), ne(t.status, "closed"), lte(t.lastActivityAt, cutoff));
    const cutoff = new Date(now.getTime() - settings.auto_close_hours * HOUR);
    const due = await db
      .select({ id: t.id })
      .from(t)
      .where(idle(cutoff))
      .orderBy(asc(t.lastActivityAt))
      .limit(BATCH);
    for (const { id } of due) {
      closed += await db.transaction(async (tx) => {
        const [ticket] = await tx
          .select()
          .from(t)
          .where(and(eq(t.id, id), idle(cutoff)))
          .for("update");
        if (!ticket) return 0;
        await closeTicketRow(tx, ticket, {
          by: null,
          reason: `Closed automatically after ${settings.auto_close_hours} hours without activity.`,
          now,
          transcript: settings.transcript_enabled,
        });
        await recordAudit(tx, {
          hubId,
          actorId: null,
          action: "ticket.autoClose",
          targetType: "ticket",
          targetId: id,
          before: { status: ticket.status, lastActivityAt: ticket.lastActivityAt },
        });
        return 1;
      });
    }
  }
  return closed;
}

/**
 * Deletes tickets closed longer ago than the hub's `delete_closed_after_days`
 * (default 7), with their messages and transcript, then their files.
 */
export async function purgeClosedTickets(db: Database, now = new Date()): Promise<number> {
  const t = schema.tickets;
  const hubs = await db
    .selectDistinct({ hubId: t.hubId })
    .from(t)
    .where(and(eq(t.status, "closed"), lte(t.closedAt, new Date(now.getTime() - DAY))));
  let deleted = 0;
  for (const { hubId } of hubs) {
    const settings = await ticketSettings(db, hubId);
    const cutoff = new Date(now.getTime() - settings.delete_closed_after_days * DAY);
    const expired = and(eq(t.hubId, hubId), eq(t.status, "closed"), lte(t.closedAt, cutoff));
    const due = await db.select({ id: t.id }).from(t).where(expired).limit(BATCH);
    for (const { id } of due) {
      const files = await db.transaction(async (tx) => {
        const [ticket] = await tx
          .select()
          .from(t)
          .where(and(eq(t.id, id), expired))
          .for("update");
        if (!ticket) return null;
        const result = await deleteTicketRows(tx, ticket, null);
        await recordAudit(tx, {
          hubId,
          actorId: null,
          action: "ticket.purge",
          targetType: "ticket",
          targetId: id,
          before: { number: ticket.number, closedAt: ticket.closedAt },
        });
        return result;
      });
      if (!files) continue;
      deleted += 1;
      await removeTicketFiles(files);
    }
  }
  return deleted;
}
