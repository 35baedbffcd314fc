import { sendChatMessage, startChat } from "@guildhall/core/chats";
import { createUser } from "@guildhall/core/users";
import { schema } from "@guildhall/db";
import { and, asc, eq } from "drizzle-orm";
import { expect } from "vitest";
import { ticketKit } from "./tickets";
import type { useWorld } from "./world";

type Fixture = ReturnType<typeof useWorld>;
type Payload = Record<string, unknown>;

/**
 * Reads a subscription in the background (it runs until the test file's
 * database and bus close): tracked events with their ids, and signals.
 */
export function reader(iterable: AsyncIterable<unknown>) {
  const tracked: { id: string; type: string; payload: Payload }[] = [];
  const signals: { type: string; payload: Payload }[] = [];
  void (async () => {
    for await (const raw of iterable) {
      // Server-side, a tracked event is the tuple [id, data, symbol].
      if (Array.isArray(raw)) {
        const [id, data] = raw as [string, { type: string; payload: Payload }];
        tracked.push({ id, ...data });
      } else signals.push(raw as { type: string; payload: Payload });
    }
  })();
  const until = async (check: () => boolean, ms = 10_000) => {
    const deadline = Date.now() + ms;
    while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    expect(check()).toBe(true);
  };
  const ready = () => until(() => signals.some((s) => s.type === "ready"));
  return { tracked, signals, until, ready };
}

/** Helpers over the world for chat tests: fresh users (own rate limits), chats, messages. */
export function chatKit(fixture: Fixture) {
  const tickets = ticketKit(fixture);
  const db = () => fixture.db.db;
  let counter = 0;

  async function newUser() {
    const user = await createUser(db(), { username: `chatuser${++counter}` });
    return { user, id: user.id, caller: tickets.callerFor(user) };
  }

  /** Two fresh users and their chat (started by `a`, through core: no rate limit spent). */
  async function pair() {
    const [a, b] = [await newUser(), await newUser()];
    const { chatId } = await startChat(db(), a.id, { recipientId: b.id });
    return { a, b, chatId };
  }

  /** `count` messages "m1", "m2", ... by the author, one after another (no rate limit). */
  async function fill(chatId: string, authorId: string, count: number, prefix = "m") {
    const sent = [];
    for (let i = 1; i <= count; i++)
      sent.push((await sendChatMessage(db(), authorId, chatId, { body: `${prefix}${i}` })).message);
    return sent;
  }

  /** A participant's list row, as stored. */
  async function member(chatId: string, userId: string) {
    const m = schema.privateChatMembers;
    const [row] = await db()
      .select()
      .from(m)
      .where(and(eq(m.chatId, chatId), eq(m.userId, userId)));
    return row!;
  }

  /** Every message of a chat, oldest first, as stored. */
  async function stored(chatId: string) {
    const m = schema.privateMessages;
    return db().select().from(m).where(eq(m.chatId, chatId)).orderBy(asc(m.seq));
  }

  return { newUser, pair, fill, member, stored, events: tickets.events };
}
