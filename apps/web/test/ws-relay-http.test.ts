import { createGuildhallClient, createGuildhallSocket } from "@guildhall/client";
import { getEnv } from "@guildhall/core/env";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import {
  ADMIN_PASSWORD,
  createServerDatabase,
  startServer,
  type RunningServer,
  type ServerDatabase,
} from "./support/server";
import { newTicket, openSocket, restCall, signInOverRest, watchTicket } from "./support/sockets";

/**
 * Two instances on one Postgres database: a message sent through the first
 * reaches WebSocket subscribers of the second (the bus relays it through
 * Postgres), over both socket protocols. The embedded database has one owner
 * process, so this runs on Postgres only.
 */
const onPostgres = getEnv().DATABASE_URL?.startsWith("postgres") ?? false;
let database: ServerDatabase;
const servers: RunningServer[] = [];
const urls: string[] = [];

beforeAll(async () => {
  if (!onPostgres) return;
  database = await createServerDatabase();
  // One after the other: the first migrates and seeds.
  for (let i = 0; i < 2; i++) {
    servers.push(await startServer({ ...database.env, RATE_LIMIT_WHITELIST: "127.0.0.1" }));
    urls.push(servers[i]!.url);
  }
}, 150_000);

afterAll(async () => {
  for (const server of servers) await server.stop();
  await database?.destroy();
});

describe.runIf(onPostgres)("WebSocket relay across instances (Postgres)", () => {
  it("a message posted on instance A reaches a socket subscriber of instance B, in order", async () => {
    const [a, b] = urls as [string, string];
    const { accessToken } = await signInOverRest(a, "admin", ADMIN_PASSWORD);
    const ticketId = await newTicket(a, accessToken, "Relayed");
    const socket = createGuildhallSocket({ url: b, token: accessToken, WebSocket });
    const gh = createGuildhallClient({ url: b, transport: "ws", socket });
    const watch = watchTicket(gh.tickets.watch.subscribe, ticketId);
    try {
      await watch.ready;
      for (const body of ["across", "the", "bus"]) {
        const sent = await restCall(a, `/hubs/demo/tickets/${ticketId}/messages`, {
          token: accessToken,
          body: { body },
        });
        expect(sent.status).toBe(200);
      }
      await watch.until(3);
      expect(watch.previews).toEqual(["across", "the", "bus"]);
    } finally {
      watch.unsubscribe();
      await socket.close();
    }
  });

  it("and to an action-protocol subscriber of instance B", async () => {
    const [a, b] = urls as [string, string];
    const { accessToken } = await signInOverRest(a, "admin", ADMIN_PASSWORD);
    const ticketId = await newTicket(a, accessToken, "Relayed to actions");
    const socket = await openSocket(`${b}/api/ws/actions`);
    socket.send({ action: "auth", token: accessToken });
    expect(await socket.next()).toMatchObject({ action: "auth", success: true });
    socket.send({
      action: "subscribe",
      id: "t",
      input: { path: "tickets.watch", input: { hubSlug: "demo", ticketId } },
    });
    type Event = { data: { type: string; payload: { preview?: string } } };
    await socket.next((f) => f.action === "event" && (f as Event).data.type === "ready");
    const sent = await restCall(a, `/hubs/demo/tickets/${ticketId}/messages`, {
      token: accessToken,
      body: { body: "relayed" },
    });
    expect(sent.status).toBe(200);
    const event = (await socket.next(
      (f) => f.action === "event" && (f as Event).data.type === "message.created",
    )) as Event;
    expect(event.data.payload.preview).toBe("relayed");
    socket.close();
  });
});
