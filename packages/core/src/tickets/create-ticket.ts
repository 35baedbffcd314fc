import { schema, type Database, type DbOrTx } from "@guildhall/db";
import { and, count, desc, eq, ne, sql } from "drizzle-orm";
import { AppError } from "../errors";
import type { HubActor } from "../access";
import { ticketSettings, type TicketRow } from "./access";
import { publishTicketCreated } from "./events";
import { cooldownLeft, isTicketStaff, slaDueTimes } from "./rules";

export interface CreateTicketInput {
  subject: string;
  description: string;
  category: string;
}

/** The category as the hub's configuration spells it; an unknown one is a field error. */
export function matchCategory(categories: readonly string[], category: string): string {
  const wanted = category.trim().toLowerCase();
  const found = categories.find((c) => c.toLowerCase() === wanted);
  if (!found)
    throw new AppError(
      "VALIDATION_FAILED",
      {},
      { fieldErrors: { category: ["validation.ticketCategory"] } },
    );
  return found;
}

/** How many tickets the user has that are not closed. */
export async function openTicketCount(db: DbOrTx, hubId: string, userId: string): Promise<number> {
  const t = schema.tickets;
  const [row] = await db
    .select({ n: count() })
    .from(t)
    .where(and(eq(t.hubId, hubId), eq(t.createdBy, userId), ne(t.status, "closed")));
  return row?.n ?? 0;
}

export async function assertBelowOpenLimit(
  db: DbOrTx,
  hubId: string,
  userId: string,
  limit: number,
) {
  if ((await openTicketCount(db, hubId, userId)) >= limit)
    throw new AppError("TICKET_LIMIT_REACHED", { limit });
}

/** Hands out the hub's next ticket number; the counter row stays locked until commit. */
async function nextNumber(tx: DbOrTx, hubId: string): Promise<number> {
  const c = schema.ticketCounters;
  const [row] = await tx
    .insert(c)
    .values({ hubId, lastNumber: 1 })
    .onConflictDoUpdate({ target: c.hubId, set: { lastNumber: sql`${c.lastNumber} + 1` } })
    .returning({ number: c.lastNumber });
  return row!.number;
}

/**
 * Opens a ticket. Refused when the hub's tickets are switched off; the
 * category must be one of the hub's. Non-staff wait out the hub's
 * `cooldown_minutes` after their last ticket and may hold only `max_open_per_user` unclosed ones.
 * The counter row is locked first, so creations in a hub run one at a time:
 * numbers are consecutive and two quick requests cannot both pass the limits.
 */
export async function createTicket(
  db: Database,
  actor: HubActor,
  input: CreateTicketInput,
  now = new Date(),
): Promise<TicketRow> {
  const settings = await ticketSettings(db, actor.hubId);
  if (!settings.enabled) throw new AppError("TICKETS_DISABLED");
  const category = matchCategory(settings.categories, input.category);
  return db.transaction(async (tx) => {
    const number = await nextNumber(tx, actor.hubId);
    if (!isTicketStaff(actor)) {
      const t = schema.tickets;
      const [last] =
        settings.cooldown_minutes > 0
          ? await tx
              .select({ createdAt: t.createdAt })
              .from(t)
              .where(and(eq(t.hubId, actor.hubId), eq(t.createdBy, actor.userId)))
              .orderBy(desc(t.createdAt))
              .limit(1)
          : [];
      const wait = cooldownLeft(last?.createdAt, now, settings.cooldown_minutes);
      if (wait)
        throw new AppError(
          "TICKET_COOLDOWN",
          { minutes: wait.minutes, seconds: wait.seconds },
          { details: { retry_after: wait.totalSeconds } },
        );
      await assertBelowOpenLimit(tx, actor.hubId, actor.userId, settings.max_open_per_user);
    }
    const [policy] = await tx
      .select()
      .from(schema.slaPolicies)
      .where(
        and(eq(schema.slaPolicies.hubId, actor.hubId), eq(schema.slaPolicies.category, category)),
      );
    const [ticket] = await tx
      .insert(schema.tickets)
      .values({
        hubId: actor.hubId,
        number,
        subject: input.subject,
        description: input.description,
        category,
        createdBy: actor.userId,
        lastActivityAt: now,
        createdAt: now,
        updatedAt: now,
        ...slaDueTimes(now, policy),
      })
      .returning();
    await publishTicketCreated(tx, ticket!);
    return ticket!;
  });
}
