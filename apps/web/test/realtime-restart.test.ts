import { createGuildhallClient } from "@guildhall/client";
import { getEnv } from "@guildhall/core/env";
import { createDatabase } from "@guildhall/db";
import { EventSource } from "eventsource";
import type { ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnWebServer, waitUntilUp } from "../scripts/web-server";
import {
  ADMIN_PASSWORD,
  createServerDatabase,
  freePort,
  type ServerDatabase,
} from "./support/server";

/**
 * No loss across restarts (Postgres): two app instances on one database, 50
 * subscribers spread over both, 5,000 messages sent while one instance is
 * killed with SIGKILL and restarted five times. Every subscriber must end
 * with exactly the committed events of its ticket, once each, in order.
 * (The embedded database has one owner process, so this runs on Postgres.)
 */
const onPostgres = getEnv().DATABASE_URL?.startsWith("postgres") ?? false;
const TICKETS = 10;
const SUBSCRIBERS = 50;
const MESSAGES = 5000;
const RESTARTS = 5;

interface Instance {
  port: number;
  url: string;
  child: ChildProcess;
}

// Many subscribers of one user: the per-user stream cap is not what this file tests.
const env = {
  SEED_ADMIN_PASSWORD: ADMIN_PASSWORD,
  RATE_LIMIT_WHITELIST: "127.0.0.1",
  STREAMS_PER_USER: "1000",
};
let database: ServerDatabase;
const instances: Instance[] = [];

async function start(port: number): Promise<Instance> {
  const child = spawnWebServer(port, { ...database.env, ...env }, "ignore");
  const url = `http://127.0.0.1:${port}`;
  await waitUntilUp(`${url}/api/health`, child, 60_000);
  return { port, url, child };
}

async function kill(instance: Instance) {
  const exited = new Promise((resolve) => instance.child.once("exit", resolve));
  instance.child.kill("SIGKILL");
  await exited;
}

beforeAll(async () => {
  if (!onPostgres) return;
  database = await createServerDatabase();
  instances.push(await start(await freePort()));
  instances.push(await start(await freePort()));
}, 120_000);

afterAll(async () => {
  for (const instance of instances) if (instance.child.exitCode === null) await kill(instance);
  await database?.destroy();
});

describe.runIf(onPostgres)("realtime across instance restarts (Postgres)", () => {
  it("delivers every committed event exactly once, in order, to every subscriber", async () => {
    const [a, b] = instances as [Instance, Instance];
    const login = (await (
      await fetch(`${b.url}/api/v1/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ login: "admin", password: ADMIN_PASSWORD }),
      })
    ).json()) as { accessToken: string };
    const clientOf = (url: string) =>
      createGuildhallClient({ url, token: login.accessToken, EventSource });
    const sender = clientOf(b.url);
    const tickets: string[] = [];
    for (let i = 0; i < TICKETS; i++) {
      const ticket = await sender.tickets.create.mutate({
        hubSlug: "demo",
        subject: `Restart ticket ${i}`,
        description: "Messages keep flowing while an instance dies.",
        category: "Support",
      });
      tickets.push(ticket.id);
    }

    // 50 subscribers, half on each instance; each keeps the stream ids and message ids it saw.
    const received: {
      ticketId: string;
      ready: boolean;
      seqs: number[];
      messageIds: string[];
      stop: () => void;
    }[] = [];
    for (let i = 0; i < SUBSCRIBERS; i++) {
      const ticketId = tickets[i % TICKETS]!;
      const client = clientOf((i % 2 ? b : a).url);
      const entry = {
        ticketId,
        ready: false,
        seqs: [] as number[],
        messageIds: [] as string[],
        stop: () => undefined as void,
      };
      const sub = client.tickets.watch.subscribe(
        { hubSlug: "demo", ticketId, lastEventId: "0" },
        {
          onData: (event) => {
            const item = event as {
              id?: string;
              data?: { type?: string; payload?: { messageId?: unknown } };
            };
            // Untracked: the subscription's "ready" signal (it listens from now on).
            if (!item.id) {
              if ((event as { type?: string }).type === "ready") entry.ready = true;
              return;
            }
            entry.seqs.push(Number(item.id));
            const messageId = item.data?.payload?.messageId;
            if (item.data?.type === "message.created" && typeof messageId === "string")
              entry.messageIds.push(messageId);
          },
        },
      );
      entry.stop = () => sub.unsubscribe();
      received.push(entry);
    }
    // Every subscriber listens before the first send (no fixed pause).
    for (let i = 0; i < 400 && !received.every((r) => r.ready); i++)
      await new Promise((x) => setTimeout(x, 25));
    expect(received).toHaveLength(SUBSCRIBERS);
    expect(received.filter((r) => !r.ready)).toEqual([]);

    // Send through the instance that stays up, 4 at a time, while the other dies and returns.
    // Every send must succeed (its instance never goes down); each answers its message id.
    let sent = 0;
    const sentIds = new Map<string, Set<string>>(tickets.map((id) => [id, new Set<string>()]));
    const send = async () => {
      while (sent < MESSAGES) {
        const n = sent++;
        const ticketId = tickets[n % TICKETS]!;
        const message = await sender.tickets.messages.send.mutate({
          hubSlug: "demo",
          ticketId,
          body: `message ${n}`,
        });
        sentIds.get(ticketId)!.add(message.id);
      }
    };
    const restarts = (async () => {
      for (let r = 0; r < RESTARTS; r++) {
        while (sent < ((r + 1) * MESSAGES) / (RESTARTS + 1))
          await new Promise((x) => setTimeout(x, 50));
        await kill(instances[0]!);
        instances[0] = await start(a.port);
      }
    })();
    await Promise.all([send(), send(), send(), send(), restarts]);

    // The truth, from the database: each ticket's committed messages, in the
    // order of their events on the ticket's stream.
    const handle = await createDatabase({ url: database.env.DATABASE_URL });
    try {
      const committed = new Map<string, string[]>();
      for (const ticketId of tickets) {
        const messages = (await handle.sql!`
          select id::text as id from ticket_messages where ticket_id = ${ticketId}`) as {
          id: string;
        }[];
        const events = (await handle.sql!`
          select seq, payload->>'messageId' as message_id from realtime_events
          where stream = ${`ticket:${ticketId}`} and type = 'message.created'
          order by seq`) as { seq: string | number; message_id: string }[];
        const inOrder = events.map((event) => event.message_id);
        // One event per committed message, and exactly the messages whose send succeeded.
        expect([...inOrder].sort()).toEqual(messages.map((m) => m.id).sort());
        expect([...inOrder].sort()).toEqual([...sentIds.get(ticketId)!].sort());
        committed.set(ticketId, inOrder);
      }
      const total = [...committed.values()].reduce((sum, ids) => sum + ids.length, 0);
      expect(total).toBe(MESSAGES);
      // Wait for every subscriber to catch up (reconnects resume after their last id).
      const deadline = Date.now() + 90_000;
      while (
        Date.now() < deadline &&
        received.some((r) => r.messageIds.length < committed.get(r.ticketId)!.length)
      )
        await new Promise((x) => setTimeout(x, 250));
      // Let any duplicate that would follow arrive before judging.
      await new Promise((x) => setTimeout(x, 1000));
      for (const entry of received) {
        // Exactly the committed messages of its ticket, once each, in commit order...
        expect(entry.messageIds).toEqual(committed.get(entry.ticketId));
        // ...on stream ids that only go up (no event twice).
        expect(entry.seqs).toEqual([...entry.seqs].sort((x, y) => x - y));
        expect(new Set(entry.seqs).size).toBe(entry.seqs.length);
      }
    } finally {
      for (const entry of received) entry.stop();
      await handle.close();
    }
  }, 600_000);
});
