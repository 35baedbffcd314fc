import { schema, type DbOrTx } from "@guildhall/db";
import {
  and,
  arrayContains,
  count,
  desc,
  eq,
  inArray,
  isNull,
  lt,
  ne,
  not,
  or,
  sql,
  type SQL,
} from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { HubActor } from "../access";
import {
  findTicket,
  ticketColumns,
  visibleMessages,
  visibleTickets,
  type TicketRow,
} from "./access";
import { isSlaBreached, type TicketPriorityValue, type TicketStatusValue } from "./rules";

export interface TicketListQuery {
  /** A status, or `active` for every status but closed. */
  status?: TicketStatusValue | "active";
  category?: string;
  assigneeId?: string;
  unassigned?: boolean;
  /** Only tickets the caller opened (for staff, who otherwise see the whole hub). */
  mine?: boolean;
  tag?: string;
  priority?: TicketPriorityValue;
  breached?: boolean;
  /** Full-text search over subjects, descriptions and (visible) messages. */
  q?: string;
  cursor?: string;
  limit: number;
}

export type TicketView = TicketRow & {
  createdByName: string | null;
  assigneeName: string | null;
  breached: boolean;
  unreadCount: number;
};

const at = (now: Date) => sql`${now.toISOString()}::timestamptz`;

/** The SQL twin of isSlaBreached. */
function breachedSql(now: Date): SQL {
  const t = schema.tickets;
  return sql`((${t.firstResponseDueAt} is not null and coalesce(${t.firstRespondedAt}, ${at(now)}) > ${t.firstResponseDueAt})
    or (${t.resolutionDueAt} is not null and coalesce(${t.closedAt}, ${at(now)}) > ${t.resolutionDueAt}))`;
}

function searchSql(actor: HubActor, q: string): SQL {
  const t = schema.tickets;
  const m = schema.ticketMessages;
  const query = sql`websearch_to_tsquery('simple', ${q})`;
  const visible = visibleMessages(actor);
  const hidden = visible ? sql` and ${visible}` : sql``;
  return sql`(${t.search} @@ ${query} or exists (select 1 from ${m} where ${m.ticketId} = ${t.id} and ${m.search} @@ ${query}${hidden}))`;
}

/**
 * Unread messages per ticket for the actor: visible messages by others after
 * the last one they marked read. Internal notes count for staff only.
 */
export async function unreadCounts(
  db: DbOrTx,
  actor: HubActor,
  ticketIds?: string[],
): Promise<Map<string, number>> {
  if (ticketIds?.length === 0) return new Map();
  const { tickets: t, ticketMessages: m, ticketReads: r } = schema;
  const rows = await db
    .select({ ticketId: m.ticketId, n: count() })
    .from(m)
    .innerJoin(t, eq(t.id, m.ticketId))
    .leftJoin(r, and(eq(r.ticketId, m.ticketId), eq(r.userId, actor.userId)))
    .where(
      and(
        eq(m.hubId, actor.hubId),
        visibleTickets(actor),
        ticketIds ? inArray(m.ticketId, ticketIds) : undefined,
        visibleMessages(actor),
        or(isNull(m.authorId), ne(m.authorId, actor.userId)),
        or(isNull(r.lastReadMessageId), sql`${m.id} > ${r.lastReadMessageId}`),
      ),
    )
    .groupBy(m.ticketId);
  return new Map(rows.map((row) => [row.ticketId, row.n]));
}

function selectTickets(db: DbOrTx) {
  const t = schema.tickets;
  const creator = alias(schema.users, "creator");
  const assignee = alias(schema.users, "assignee");
  return db
    .select({
      ticket: ticketColumns,
      createdByName: creator.username,
      assigneeName: assignee.username,
    })
    .from(t)
    .leftJoin(creator, eq(creator.id, t.createdBy))
    .leftJoin(assignee, eq(assignee.id, t.assigneeId));
}

type Selected = { ticket: TicketRow; createdByName: string | null; assigneeName: string | null };

async function toViews(db: DbOrTx, actor: HubActor, rows: Selected[], now: Date) {
  const unread = await unreadCounts(
    db,
    actor,
    rows.map((row) => row.ticket.id),
  );
  return rows.map(({ ticket, createdByName, assigneeName }): TicketView => ({
    ...ticket,
    createdByName,
    assigneeName,
    breached: isSlaBreached(ticket, now),
    unreadCount: unread.get(ticket.id) ?? 0,
  }));
}

/** Tickets the actor may see, newest first (keyset on the UUIDv7 id), filtered. */
export async function listTickets(
  db: DbOrTx,
  actor: HubActor,
  query: TicketListQuery,
  now = new Date(),
) {
  const t = schema.tickets;
  const status =
    query.status === "active"
      ? ne(t.status, "closed")
      : query.status
        ? eq(t.status, query.status)
        : undefined;
  const rows = await selectTickets(db)
    .where(
      and(
        visibleTickets(actor),
        status,
        query.category ? sql`lower(${t.category}) = lower(${query.category})` : undefined,
        query.assigneeId ? eq(t.assigneeId, query.assigneeId) : undefined,
        query.mine ? eq(t.createdBy, actor.userId) : undefined,
        query.unassigned === undefined
          ? undefined
          : query.unassigned
            ? isNull(t.assigneeId)
            : not(isNull(t.assigneeId)),
        query.tag ? arrayContains(t.tags, [query.tag.toLowerCase()]) : undefined,
        query.priority ? eq(t.priority, query.priority) : undefined,
        query.breached === undefined
          ? undefined
          : query.breached
            ? breachedSql(now)
            : not(breachedSql(now)),
        query.q ? searchSql(actor, query.q) : undefined,
        query.cursor ? lt(t.id, query.cursor) : undefined,
      ),
    )
    .orderBy(desc(t.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  return {
    items: await toViews(db, actor, page, now),
    nextCursor: rows.length > query.limit ? page.at(-1)!.ticket.id : null,
  };
}

/** One ticket the actor may see (TICKET_NOT_FOUND otherwise). */
export async function getTicket(db: DbOrTx, actor: HubActor, ticketId: string, now = new Date()) {
  const ticket = await findTicket(db, actor, ticketId);
  const [row] = await selectTickets(db).where(eq(schema.tickets.id, ticket.id));
  const [view] = await toViews(db, actor, [row!], now);
  return view!;
}

/** The actor's unread messages: per ticket (only those with any) and in total. */
export async function unreadSummary(db: DbOrTx, actor: HubActor) {
  const counts = await unreadCounts(db, actor);
  const tickets = [...counts].map(([ticketId, count]) => ({ ticketId, count }));
  return { total: tickets.reduce((sum, row) => sum + row.count, 0), tickets };
}
