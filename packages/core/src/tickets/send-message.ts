import { schema, uuidv7, type Database } from "@guildhall/db";
import { eq } from "drizzle-orm";
import type { HubActor } from "../access";
import { AppError } from "../errors";
import { publishEvents } from "../realtime";
import { assertNotClosed, findTicket } from "./access";
import { resolveAttachments, type Attachment, type AttachmentRef } from "./attachments";
import { messageEvent, ticketActivityEvent } from "./events";
import { type TicketMessage } from "./message-row";
import { isTicketStaff, preview } from "./rules";

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
