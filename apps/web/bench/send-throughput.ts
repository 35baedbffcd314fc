/**
 * The send-throughput part of the tickets bench, in process on Postgres:
 * `sendMessage` itself (the ticket lock, the message, the ticket's activity
 * update and the events on the ticket's and the hub's streams, with their
 * NOTIFY) against the same send without the bus: the same lock and the same
 * two writes in one statement, no events. 4 writers, one ticket each, in
 * interleaved rounds; the median round of each side counts.
 */
import { hubProcedure, createCallerFactory, createContext, router } from "@guildhall/api";
import { type HubActor } from "@guildhall/core/access";
import { createHub } from "@guildhall/core/hubs";
import { publishEvents } from "@guildhall/core/realtime";
import { findTicket, sendMessage } from "@guildhall/core/tickets";
import { createUser } from "@guildhall/core/users";
import { accessTokenPrincipal } from "@guildhall/core/testing/principal";
import { schema, uuidv7, type Database, type DatabaseHandle } from "@guildhall/db";
import { and, count, eq, inArray } from "drizzle-orm";
import { median, openBenchDatabase, ratio, sanityCheck } from "./lib";

const WRITERS = 4;

/** The hub owner as the hub middleware resolves them (the actor a procedure would pass). */
async function ownerActor(handle: DatabaseHandle, userId: string) {
  const [owner] = await handle.db.select().from(schema.users).where(eq(schema.users.id, userId));
  const resolve = router({
    actor: hubProcedure.query(({ ctx }): HubActor => ({
      hubId: ctx.hub.id,
      userId: ctx.principal.userId,
      superAdmin: ctx.principal.superAdmin,
      highest: ctx.hub.highest,
      permissions: ctx.hub.grants.permissions,
    })),
  });
  const ctx = createContext({
    db: handle.db,
    dbKind: handle.kind,
    principal: accessTokenPrincipal(owner!),
    headers: new Headers({ "x-hub": "bench" }),
    peer: "10.9.9.9",
  });
  return createCallerFactory(resolve)(ctx).actor();
}

/** The send without the bus: what sendMessage writes, minus its events. */
async function sendWithoutBus(db: Database, actor: HubActor, ticketId: string, body: string) {
  await db.transaction(async (tx) => {
    const ticket = await findTicket(tx, actor, ticketId, { lock: true });
    const now = new Date();
    await publishEvents(
      tx,
      [],
      [
        tx.insert(schema.ticketMessages).values({
          id: uuidv7(),
          hubId: actor.hubId,
          ticketId: ticket.id,
          authorId: actor.userId,
          body,
          createdAt: now,
        }),
        tx
          .update(schema.tickets)
          .set({ lastActivityAt: now, updatedAt: now })
          .where(eq(schema.tickets.id, ticket.id)),
      ],
    );
  });
}

export async function measureSendThroughput(options: { rounds: number; perWriter: number }) {
  const { handle, drop } = await openBenchDatabase(`gh_bench_t${Date.now()}`);
  try {
    const db = handle.db;
    const owner = await createUser(db, { username: "benchowner" });
    const hub = await db.transaction((tx) =>
      createHub(tx, { slug: "bench", name: "B", ownerId: owner.id }),
    );
    const tickets = await db
      .insert(schema.tickets)
      .values(
        Array.from({ length: WRITERS }, (_, i) => ({
          hubId: hub.id,
          number: i + 1,
          subject: `t${i}`,
          description: "bench ticket",
          category: "Support",
          createdBy: owner.id,
        })),
      )
      .returning({ id: schema.tickets.id });
    const actor = await ownerActor(handle, owner.id);
    let busSends = 0;
    let plainSends = 0;
    const run = async (withBus: boolean) => {
      const start = performance.now();
      await Promise.all(
        tickets.map(async (ticket) => {
          for (let i = 0; i < options.perWriter; i++) {
            if (withBus) await sendMessage(db, actor, ticket.id, { body: `m ${i}` });
            else await sendWithoutBus(db, actor, ticket.id, `m ${i}`);
          }
        }),
      );
      const sends = tickets.length * options.perWriter;
      if (withBus) busSends += sends;
      else plainSends += sends;
      return (sends * 1000) / (performance.now() - start);
    };
    await run(false); // warm-up, both sides
    await run(true);
    const plain: number[] = [];
    const bus: number[] = [];
    for (let round = 0; round < options.rounds; round++) {
      // Alternate which side goes first, so drift hits both alike.
      if (round % 2) {
        bus.push(await run(true));
        plain.push(await run(false));
      } else {
        plain.push(await run(false));
        bus.push(await run(true));
      }
    }

    // Sanity: every send wrote its message, and the bus side its two events.
    const ids = tickets.map((t) => t.id);
    const [messages] = await db
      .select({ n: count() })
      .from(schema.ticketMessages)
      .where(inArray(schema.ticketMessages.ticketId, ids));
    sanityCheck(
      "tickets",
      messages?.n === busSends + plainSends,
      `${messages?.n} messages written for ${busSends + plainSends} sends`,
    );
    const events = async (stream: string | string[], type: string) => {
      const e = schema.realtimeEvents;
      const streams = Array.isArray(stream) ? stream : [stream];
      const [row] = await db
        .select({ n: count() })
        .from(e)
        .where(and(inArray(e.stream, streams), eq(e.type, type)));
      return row?.n ?? 0;
    };
    const ticketEvents = await events(
      ids.map((id) => `ticket:${id}`),
      "message.created",
    );
    const hubEvents = await events(`hub-tickets:${hub.id}`, "ticket.activity");
    sanityCheck(
      "tickets",
      ticketEvents === busSends && hubEvents === busSends,
      `${busSends} sends with the bus gave ${ticketEvents} ticket and ${hubEvents} hub events`,
    );

    const result = {
      plain: Math.round(median(plain)),
      bus: Math.round(median(bus)),
      ratio: ratio(median(bus), median(plain)),
    };
    console.log(
      `\nSend throughput, ${WRITERS} writers (messages/s, median of ${options.rounds}): ` +
        `without bus ${result.plain}, sendMessage ${result.bus}`,
    );
    console.log(`  rounds without bus: ${plain.map(Math.round).join(" ")}`);
    console.log(`  rounds sendMessage: ${bus.map(Math.round).join(" ")}`);
    return result;
  } finally {
    // The last notifications go out just after the last commit.
    await new Promise((resolve) => setTimeout(resolve, 100));
    await drop();
  }
}
