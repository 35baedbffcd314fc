import { schema, type Database } from "@guildhall/db";
import { and, eq } from "drizzle-orm";
import type { HubActor } from "../access";
import { AppError } from "../errors";
import { assertNotClosed, findTicket, visibleMessages } from "./access";
import { publishMessageEvent } from "./events";
import { type TicketMessageRow } from "./message-row";
import { preview } from "./rules";

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
      .where(and(eq(m.id, messageId), eq(m.ticketId, ticket.id), visibleMessages(actor)));
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
