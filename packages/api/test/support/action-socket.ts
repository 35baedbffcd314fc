import { busFor } from "@guildhall/core/realtime";
import { expect } from "vitest";
import { createContext, type Context, type Principal } from "../../src";
import {
  openActionConnection,
  type ActionConnectionOptions,
  type ActionSocket,
} from "../../src/ws-actions";
import type { useWorld } from "./world";

/**
 * The socket contexts of a user of a test's own (own buckets, own cooldowns),
 * as the server's factory makes them: the world's member principal renamed.
 */
export function contextsFor(
  fixture: ReturnType<typeof useWorld>,
  user: { id: string; username: string },
  extra: Partial<Principal> = {},
): () => Context {
  const principal = {
    ...fixture.world.principals.member,
    userId: user.id,
    username: user.username,
    ...extra,
  };
  return () =>
    createContext({
      db: fixture.db.db,
      dbKind: fixture.db.kind,
      headers: new Headers(),
      principal,
      peer: "10.0.7.1",
      bus: busFor(fixture.db),
      transport: "ws",
    });
}

/** A frame the server sent, parsed. */
export type Sent = Record<string, unknown> & {
  action: string | null;
  id?: string | number;
  success?: boolean;
  data?: unknown;
  error?: { code: string; fieldErrors: Record<string, string[]> } & Record<string, unknown>;
  eventId?: string | null;
};

/** Waits for a condition on what arrived (a signal, never a fixed time). */
export async function until(check: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
}

/**
 * An action connection over a fake socket that records what the server sent
 * and how it closed. `bufferedAmount` may be set to play a slow reader.
 */
export function actionClient(
  authenticate: ActionConnectionOptions["authenticate"],
  options: Partial<ActionConnectionOptions> = {},
) {
  const sent: Sent[] = [];
  let closedWith: { code: number; reason: string } | null = null;
  const socket: ActionSocket & { bufferedAmount: number } = {
    bufferedAmount: 0,
    send: (data) => void sent.push(JSON.parse(data) as Sent),
    close: (code, reason) => void (closedWith = { code, reason }),
  };
  const connection = openActionConnection(socket, { authenticate, ...options });
  let counter = 0;
  const send = (frame: unknown) =>
    connection.receive(typeof frame === "string" ? frame : JSON.stringify(frame));
  /** The reply to request `id` (not its events). */
  const replyTo = (id: string | number) =>
    sent.find(
      (f) => f.id === id && f.action !== "event" && f.action !== "end" && f.action !== "error",
    );
  return {
    socket,
    sent,
    connection,
    send,
    replyTo,
    closed: () => closedWith,
    /** Sends one action and answers its reply (queries and mutations answer before `receive` resolves). */
    async call(action: string, input?: unknown): Promise<Sent> {
      const id = `c${++counter}`;
      await send({ action, id, input });
      const reply = replyTo(id);
      expect(reply, `${action} answered`).toBeDefined();
      return reply!;
    },
    /** Values of subscription `id` so far (event frames). */
    events: (id: string) => sent.filter((f) => f.action === "event" && f.id === id),
  };
}

export type ActionClient = ReturnType<typeof actionClient>;

/** A connection authenticated with a context factory (the token "good"; anything else names nobody). */
export async function connected(
  contextFor: () => Context,
  options: Partial<ActionConnectionOptions> = {},
): Promise<ActionClient> {
  const client = actionClient(
    (token) => Promise.resolve(token === "good" ? contextFor : null),
    options,
  );
  await client.send({ action: "auth", token: "good" });
  expect(client.sent[0]).toMatchObject({ action: "auth", success: true });
  return client;
}
