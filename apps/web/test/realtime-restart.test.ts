import { createGuildhallClient } from "@guildhall/client";
import { getEnv } from "@guildhall/core";
import { createDatabase } from "@guildhall/db";
import { EventSource } from "eventsource";
import type { ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnNextServer, waitUntilUp } from "../scripts/next-server";
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

const env = { SEED_ADMIN_PASSWORD: ADMIN_PASSWORD, RATE_LIMIT_WHITELIST: "127.0.0.1" };
let database: ServerDatabase;
const instances: Instance[] = [];

async function start(port: number): Promise<Instance> {
  const child = spawnNextServer(port, { ...database.env, ...env }, "ignore");
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

    // 50 subscribers, half on each instance; each keeps the sequence numbers it saw.
    const received: { ticketId: string; seqs: number[]; stop: () => void }[] = [];
    for (let i = 0; i < SUBSCRIBERS; i++) {
      const ticketId = tickets[i % TICKETS]!;
      const client = clientOf((i % 2 ? b : a).url);
      const entry = { ticketId, seqs: [] as number[], stop: () => undefined as void };
      const sub = client.tickets.watch.subscribe(
        { hubSlug: "demo", ticketId, lastEventId: "0" },
        {
          onData: (event) => {
            if (event && typeof event === "object" && "id" in event && event.id)
              entry.seqs.push(Number(event.id));
          },
        },
      );
      entry.stop = () => sub.unsubscribe();
      received.push(entry);
    }
    await new Promise((r) => setTimeout(r, 2000));

    // Send through the instance that stays up, 4 at a time, while the other dies and returns.
    let sent = 0;
    const send = async () => {
      while (sent < MESSAGES) {
        const n = sent++;
        await sender.tickets.messages.send.mutate({
          hubSlug: "demo",
          ticketId: tickets[n % TICKETS]!,
          body: `message ${n}`,
        });
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

    // The truth: what the database committed for each ticket's stream.
    const handle = await createDatabase({ url: database.env.DATABASE_URL });
    try {
      const heads = new Map<string, number>();
      for (const ticketId of tickets) {
        const rows = (await handle.sql!`
          select seq from realtime_events where stream = ${`ticket:${ticketId}`} order by seq`) as {
          seq: string | number;
        }[];
        const seqs = rows.map((row) => Number(row.seq));
        expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
        heads.set(ticketId, seqs.length);
      }
      const total = [...heads.values()].reduce((x, y) => x + y, 0);
      expect(total).toBeGreaterThanOrEqual(MESSAGES);
      // Wait for every subscriber to catch up (reconnects resume after their last id).
      const deadline = Date.now() + 90_000;
      while (Date.now() < deadline && received.some((r) => r.seqs.length < heads.get(r.ticketId)!))
        await new Promise((x) => setTimeout(x, 250));
      for (const entry of received) {
        const head = heads.get(entry.ticketId)!;
        expect(entry.seqs).toEqual(Array.from({ length: head }, (_, i) => i + 1));
      }
    } finally {
      for (const entry of received) entry.stop();
      await handle.close();
    }
  }, 600_000);
});
