import { schema, uuidv7, type Database, type DbOrTx } from "@guildhall/db";
import { and, desc, eq, getTableColumns, lt } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { AppError } from "../errors";
import type { HubActor } from "../access";
import { assertNotClosed, findTicket } from "./access";
import { resolveAttachments, type Attachment, type AttachmentRef } from "./attachments";
import { publishEvents } from "../realtime";
import { messageEvent, publishMessageEvent, ticketActivityEvent } from "./events";
import { isTicketStaff, preview } from "./rules";

export type TicketMessageRow = typeof schema.ticketMessages.$inferSelect;
/** A message as callers see it (without the search vector). */
export type TicketMessage = Omit<TicketMessageRow, "search">;
const { search: _messageSearch, ...messageColumns } = getTableColumns(schema.ticketMessages);

export interface SendMessageInput {
  body: string;
  internal?: boolean;
  attachments?: AttachmentRef[];
}

/**
 * Adds a message to an open ticket. Internal notes are staff-only (and hidden
 * from the requester). The first non-internal staff answer to someone else's
 * ticket sets `firstRespondedAt` (SLA).
 */
export async function sendMessage(
  db: Database,
  actor: HubActor,
  ticketId: string,
  input: SendMessageInput,
  now = new Date(),
): Promise<TicketMessage> {
  const staff = isTicketStaff(actor);
  const internal = input.internal ?? false;
  if (internal && !staff)
    throw new AppError(
      "PERMISSION_DENIED",
      { permission: "ticket.manage" },
      { details: { permission: "ticket.manage" } },
    );
  // Uploads are checked (and read for their size and type) before the transaction.
  let attachments: Attachment[] = [];
  if (input.attachments?.length) {
    const ticket = await findTicket(db, actor, ticketId);
    assertNotClosed(ticket);
    attachments = await resolveAttachments(ticket, input.attachments);
  }
  return db.transaction(async (tx) => {
    const locked = await findTicket(tx, actor, ticketId, { lock: true });
    assertNotClosed(locked);
    const message: TicketMessage = {
      id: uuidv7(),
      hubId: actor.hubId,
      ticketId: locked.id,
      authorId: actor.userId,
      body: input.body,
      internal,
      attachments,
      editedAt: null,
      createdAt: now,
    };
    const answers = staff && !internal && locked.createdBy !== actor.userId;
    // The message, the ticket's activity and the events go in one statement.
    await publishEvents(
      tx,
      [
        messageEvent("message.created", locked, {
          id: message.id,
          authorId: actor.userId,
          internal,
          preview: preview(input.body),
        }),
        ticketActivityEvent(locked, message),
      ],
      [
        tx.insert(schema.ticketMessages).values(message),
        tx
          .update(schema.tickets)
          .set({
            lastActivityAt: now,
            updatedAt: now,
            ...(answers && !locked.firstRespondedAt ? { firstRespondedAt: now } : {}),
          })
          .where(eq(schema.tickets.id, locked.id)),
      ],
    );
    return message;
  });
}

/** Authors edit their own messages while the ticket is open. */
export async function editMessage(
  db: Database,
  actor: HubActor,
  ticketId: string,
  messageId: string,
  body: string,
): Promise<TicketMessageRow> {
  return db.transaction(async (tx) => {
    const ticket = await findTicket(tx, actor, ticketId, { lock: true });
    const m = schema.ticketMessages;
    const [message] = await tx
      .select()
      .from(m)
      .where(
        and(
          eq(m.id, messageId),
          eq(m.ticketId, ticket.id),
          isTicketStaff(actor) ? undefined : eq(m.internal, false),
        ),
      );
    if (!message) throw new AppError("TICKET_MESSAGE_NOT_FOUND");
    if (message.authorId !== actor.userId) throw new AppError("FORBIDDEN");
    assertNotClosed(ticket);
    const [edited] = await tx
      .update(m)
      .set({ body, editedAt: new Date() })
      .where(eq(m.id, message.id))
      .returning();
    await publishMessageEvent(tx, "message.edited", ticket, {
      id: message.id,
      authorId: message.authorId,
      internal: message.internal,
      preview: preview(body),
    });
    return edited!;
  });
}

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
        isTicketStaff(actor) ? undefined : eq(m.internal, false),
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
