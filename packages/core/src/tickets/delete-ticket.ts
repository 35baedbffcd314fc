import { schema, type Database, type DbOrTx } from "@guildhall/db";
import { and, eq, ne, sql } from "drizzle-orm";
import { auditBase, recordAudit, type HubActor } from "../access";
import { getLogger } from "../logger";
import { deleteStreams } from "../realtime";
import { getStorage, type FileStorage } from "../storage";
import { findTicket, type TicketRow } from "./access";
import { publishTicketDeleted, ticketStream } from "./events";

/** Uploads for a ticket live under this prefix (a merged ticket's files stay where they were). */
export function ticketFilePrefix(hubId: string, ticketId: string): string {
  return `tickets/${hubId}/${ticketId}/`;
}

/** What to remove from storage once a ticket's rows are gone. */
export interface TicketFiles {
  /** The ticket's whole upload folder, when no other ticket's message uses a file in it. */
  prefix: string | null;
  /** Files its messages held outside that folder (moved in by a merge), or all of them when the folder stays. */
  keys: string[];
}

/**
 * Deletes a ticket's rows (messages, reads and transcript go with it) and its
 * event stream inside the caller's transaction (every way a ticket goes:
 * delete, retention purge, a merged ticket's purge) and says which files to
 * remove after commit. Files of a merged ticket may now belong to the
 * target's messages; those stay.
 */
export async function deleteTicketRows(
  tx: DbOrTx,
  ticket: TicketRow,
  by: string | null,
): Promise<TicketFiles> {
  const m = schema.ticketMessages;
  const prefix = ticketFilePrefix(ticket.hubId, ticket.id);
  const own = await tx
    .select({ attachments: m.attachments })
    .from(m)
    .where(eq(m.ticketId, ticket.id));
  const [shared] = await tx
    .select({ id: m.id })
    .from(m)
    .where(
      and(
        eq(m.hubId, ticket.hubId),
        ne(m.ticketId, ticket.id),
        sql`${m.attachments}::text like ${`%"${prefix}%`}`,
      ),
    )
    .limit(1);
  await tx.delete(schema.tickets).where(eq(schema.tickets.id, ticket.id));
  // The ticket's stored events go with it; its viewers hear a live ticket.deleted.
  await deleteStreams(tx, [ticketStream(ticket.id)]);
  await publishTicketDeleted(tx, ticket, by);
  const keys = own.flatMap((row) => row.attachments.map((file) => file.key));
  return shared
    ? { prefix: null, keys }
    : { prefix, keys: keys.filter((key) => !key.startsWith(prefix)) };
}

/** Removes a deleted ticket's files; logged, never thrown (the ticket is already gone). */
export async function removeTicketFiles(
  files: TicketFiles,
  storage: FileStorage = getStorage(),
): Promise<void> {
  try {
    if (files.prefix) await storage.deletePrefix(files.prefix);
    for (const key of files.keys) await storage.delete(key);
  } catch (error) {
    getLogger().warn(
      { err: error instanceof Error ? error.message : String(error), files },
      "ticket files not removed",
    );
  }
}

/** Admins delete a ticket for good (ticket.delete). */
export async function deleteTicket(db: Database, actor: HubActor, ticketId: string) {
  const files = await db.transaction(async (tx) => {
    const ticket = await findTicket(tx, actor, ticketId, { lock: true });
    const result = await deleteTicketRows(tx, ticket, actor.userId);
    await recordAudit(tx, {
      ...auditBase(actor),
      action: "ticket.delete",
      targetType: "ticket",
      targetId: ticket.id,
      before: {
        number: ticket.number,
        subject: ticket.subject,
        status: ticket.status,
        createdBy: ticket.createdBy,
      },
    });
    return result;
  });
  await removeTicketFiles(files);
}
