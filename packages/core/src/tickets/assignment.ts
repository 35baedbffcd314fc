import { schema, type Database, type DbOrTx } from "@guildhall/db";
import { can, grantsFrom } from "@guildhall/permissions";
import { eq } from "drizzle-orm";
import { auditBase, getMembership, memberAuthority, recordAudit, type HubActor } from "../access";
import { AppError } from "../errors";
import { assertNotClosed, findTicket, type TicketRow } from "./access";
import { publishTicketUpdated } from "./events";

/** Sets the assignee of a locked ticket (or clears it), with the event and the audit row. */
async function setAssignee(
  db: Database,
  actor: HubActor,
  ticketId: string,
  decide: (ticket: TicketRow, tx: DbOrTx) => Promise<string | null>,
  action: "ticket.claim" | "ticket.assign" | "ticket.unassign",
): Promise<TicketRow> {
  return db.transaction(async (tx) => {
    const ticket = await findTicket(tx, actor, ticketId, { lock: true });
    const assigneeId = await decide(ticket, tx);
    if (assigneeId === ticket.assigneeId) return ticket;
    const [updated] = await tx
      .update(schema.tickets)
      .set({ assigneeId, updatedAt: new Date() })
      .where(eq(schema.tickets.id, ticket.id))
      .returning();
    await publishTicketUpdated(tx, updated!, { assigneeId }, actor.userId);
    await recordAudit(tx, {
      ...auditBase(actor),
      action,
      targetType: "ticket",
      targetId: ticket.id,
      before: { assigneeId: ticket.assigneeId },
      after: { assigneeId },
    });
    return updated!;
  });
}

/** Staff take an unassigned ticket (again claiming your own is a no-op). */
export function claimTicket(db: Database, actor: HubActor, ticketId: string) {
  return setAssignee(
    db,
    actor,
    ticketId,
    (ticket) => {
      assertNotClosed(ticket);
      if (ticket.assigneeId && ticket.assigneeId !== actor.userId)
        throw new AppError("TICKET_ALREADY_CLAIMED", { number: ticket.number });
      return Promise.resolve(actor.userId);
    },
    "ticket.claim",
  );
}

/** Staff hand a ticket to a member who handles tickets (ticket.manage) in this hub. */
export function assignTicket(db: Database, actor: HubActor, ticketId: string, assigneeId: string) {
  return setAssignee(
    db,
    actor,
    ticketId,
    async (ticket, tx) => {
      assertNotClosed(ticket);
      if (assigneeId !== actor.userId) {
        const member = await getMembership(tx, actor.hubId, assigneeId);
        const authority = member ? await memberAuthority(tx, actor.hubId, assigneeId) : null;
        if (!authority || !can(grantsFrom(authority.permissions), "ticket.manage"))
          throw new AppError(
            "VALIDATION_FAILED",
            {},
            { fieldErrors: { assigneeId: ["validation.ticketAssignee"] } },
          );
      }
      return assigneeId;
    },
    "ticket.assign",
  );
}

/** Staff take the assignee off a ticket. */
export function unassignTicket(db: Database, actor: HubActor, ticketId: string) {
  return setAssignee(db, actor, ticketId, () => Promise.resolve(null), "ticket.unassign");
}
