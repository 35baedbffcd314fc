import { sendChatMessage } from "@guildhall/core/chats";
import { schema } from "@guildhall/db";
import { and, eq, inArray, or, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { resetRateLimiters } from "../src/middleware/rate-limit";
import { chatKit } from "./support/chats";
import { failure, outcome } from "./support/tickets";
import { useWorld } from "./support/world";

const fixture = useWorld();
const kit = chatKit(fixture);
const nobody = "00000000-0000-7000-8000-000000000000";

beforeEach(() => resetRateLimiters());

async function chatsBetween(a: string, b: string) {
  const c = schema.privateChats;
  return fixture.db.db
    .select()
    .from(c)
    .where(
      or(
        and(eq(c.starterId, a), eq(c.recipientId, b)),
        and(eq(c.starterId, b), eq(c.recipientId, a)),
      ),
    );
}

describe("starting chats", () => {
  it("keeps one chat per pair, whoever starts it, and sends the optional first message", async () => {
    const [a, b] = [await kit.newUser(), await kit.newUser()];
    const first = await a.caller.chats.start({ recipientId: b.id });
    expect(first).toMatchObject({ created: true, message: null });
    expect((await kit.member(first.chatId, a.id)).otherUserId).toBe(b.id);
    expect((await kit.member(first.chatId, b.id)).otherUserId).toBe(a.id);
    const again = await b.caller.chats.start({ recipientId: a.id, body: "  hello again  " });
    expect(again).toMatchObject({ chatId: first.chatId, created: false });
    expect(again.message).toMatchObject({ seq: 1, body: "hello again", authorId: b.id });
    expect(again.message!.author).toEqual({
      id: b.id,
      username: b.user.username,
      displayName: b.user.displayName,
      avatarUrl: null,
    });
    expect(await chatsBetween(a.id, b.id)).toHaveLength(1);
    expect((await kit.member(first.chatId, a.id)).unreadCount).toBe(1);
  });

  it("yields one chat when both people start it at the same time", async () => {
    const [a, b] = [await kit.newUser(), await kit.newUser()];
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        i % 2
          ? a.caller.chats.start({ recipientId: b.id, body: `from a ${i}` })
          : b.caller.chats.start({ recipientId: a.id }),
      ),
    );
    expect(new Set(results.map((r) => r.chatId)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await chatsBetween(a.id, b.id)).toHaveLength(1);
    const members = schema.privateChatMembers;
    const rows = await fixture.db.db
      .select()
      .from(members)
      .where(eq(members.chatId, results[0]!.chatId));
    expect(rows).toHaveLength(2);
    expect((await kit.stored(results[0]!.chatId)).map((m) => m.seq)).toEqual([1, 2, 3, 4, 5]);
  });

  it("refuses a missing recipient (field recipientId) and yourself", async () => {
    const { caller, id } = await kit.newUser();
    const missing = await failure(caller.chats.start({ recipientId: nobody }));
    expect(missing.code).toBe("USER_NOT_FOUND");
    expect(Object.keys(missing.fieldErrors)).toEqual(["recipientId"]);
    const self = await failure(caller.chats.start({ recipientId: id }));
    expect(self.code).toBe("CHAT_WITH_SELF");
    expect(Object.keys(self.fieldErrors)).toEqual(["recipientId"]);
  });

  it("is refused, like messages and typing, while either side blocks the other", async () => {
    const [a, b] = [await kit.newUser(), await kit.newUser()];
    expect(await a.caller.chats.block({ userId: b.id })).toEqual({ userId: b.id, blocked: true });
    // Idempotent.
    await a.caller.chats.block({ userId: b.id });
    const listed = await a.caller.chats.blocked();
    expect(listed.items.map((i) => i.user.id)).toEqual([b.id]);
    expect(await outcome(a.caller.chats.start({ recipientId: b.id }))).toBe("CHAT_BLOCKED");
    expect(await outcome(b.caller.chats.start({ recipientId: a.id }))).toBe("CHAT_BLOCKED");
    expect(await chatsBetween(a.id, b.id)).toHaveLength(0);
    await a.caller.chats.unblock({ userId: b.id });
    await a.caller.chats.unblock({ userId: b.id });
    expect((await a.caller.chats.blocked()).items).toEqual([]);
    const { chatId } = await b.caller.chats.start({ recipientId: a.id });
    // A block on an existing chat stops messages and typing both ways, not reading.
    await b.caller.chats.block({ userId: a.id });
    for (const caller of [a.caller, b.caller]) {
      expect(await outcome(caller.chats.send({ chatId, body: "hi" }))).toBe("CHAT_BLOCKED");
      expect(await outcome(caller.chats.typing({ chatId }))).toBe("CHAT_BLOCKED");
      expect(await outcome(caller.chats.messages({ chatId }))).toBe("ok");
    }
    const self = await failure(a.caller.chats.block({ userId: a.id }));
    expect(self.code).toBe("VALIDATION_FAILED");
    expect(self.fieldErrors).toEqual({ userId: ["You cannot block yourself."] });
    expect(await outcome(a.caller.chats.block({ userId: nobody }))).toBe("USER_NOT_FOUND");
  });
});

describe("participants only", () => {
  it("answers CHAT_NOT_FOUND to anyone else, super admins and subscriptions included", async () => {
    const { a, chatId } = await kit.pair();
    const [message] = await kit.fill(chatId, a.id, 1);
    const onIt = { chatId, messageId: message!.id };
    const stranger = (await kit.newUser()).caller;
    for (const caller of [stranger, fixture.world.caller("superAdmin")]) {
      // Called one at a time (a promise made early would reject unobserved).
      const calls = [
        () => caller.chats.info({ chatId }),
        () => caller.chats.messages({ chatId }),
        () => caller.chats.send({ chatId, body: "let me in" }),
        () => caller.chats.edit({ ...onIt, body: "mine now" }),
        () => caller.chats.remove(onIt),
        () => caller.chats.markRead({ chatId }),
        () => caller.chats.typing({ chatId }),
        () => caller.chats.watch({ chatId }),
      ];
      for (const call of calls) expect(await outcome(call())).toBe("CHAT_NOT_FOUND");
    }
    expect(await outcome(a.caller.chats.info({ chatId: nobody }))).toBe("CHAT_NOT_FOUND");
    expect(await kit.stored(chatId)).toHaveLength(1);
    expect(await outcome(fixture.world.caller("anonymous").chats.list({}))).toBe("UNAUTHENTICATED");
  });
});

describe("messages", () => {
  it("trims the body and keeps it to 1-2000 characters (field body)", async () => {
    const { a, chatId } = await kit.pair();
    const long = await a.caller.chats.send({ chatId, body: "x".repeat(2000) });
    expect(long.message.body).toHaveLength(2000);
    const tooLong = await failure(a.caller.chats.send({ chatId, body: "x".repeat(2001) }));
    expect(tooLong.code).toBe("VALIDATION_FAILED");
    expect(Object.keys(tooLong.fieldErrors)).toEqual(["body"]);
    expect(await outcome(a.caller.chats.send({ chatId, body: "   " }))).toBe("VALIDATION_FAILED");
    expect((await a.caller.chats.send({ chatId, body: "  hi  " })).message.body).toBe("hi");
    expect(await kit.stored(chatId)).toHaveLength(2);
  });

  it("answers only messages of the same chat; a reply outlives its target", async () => {
    const { a, b, chatId } = await kit.pair();
    const other = await kit.pair();
    const [elsewhere] = await kit.fill(other.chatId, other.a.id, 1);
    const wrong = await failure(
      a.caller.chats.send({ chatId, body: "re", replyToId: elsewhere!.id }),
    );
    expect(wrong.code).toBe("CHAT_REPLY_INVALID");
    expect(Object.keys(wrong.fieldErrors)).toEqual(["replyToId"]);
    const { message: question } = await a.caller.chats.send({ chatId, body: "question?" });
    const { message: answer } = await b.caller.chats.send({
      chatId,
      body: "answer",
      replyToId: question.id,
    });
    expect(answer.replyTo).toEqual({ id: question.id, authorId: a.id, preview: "question?" });
    await a.caller.chats.remove({ chatId, messageId: question.id });
    const page = await b.caller.chats.messages({ chatId });
    expect(page.items.map((m) => m.id)).toEqual([answer.id]);
    expect(page.items[0]).toMatchObject({ replyToId: null, replyTo: null, body: "answer" });
  });

  it("lets authors alone edit and delete their messages", async () => {
    const { a, b, chatId } = await kit.pair();
    const [mine] = await kit.fill(chatId, a.id, 1);
    const onIt = { chatId, messageId: mine!.id };
    expect(await outcome(b.caller.chats.edit({ ...onIt, body: "not yours" }))).toBe(
      "CHAT_MESSAGE_NOT_YOURS",
    );
    expect(await outcome(b.caller.chats.remove(onIt))).toBe("CHAT_MESSAGE_NOT_YOURS");
    expect(await outcome(a.caller.chats.edit({ chatId, messageId: nobody, body: "x" }))).toBe(
      "CHAT_MESSAGE_NOT_FOUND",
    );
    const edited = await a.caller.chats.edit({ ...onIt, body: "better words" });
    expect(edited).toMatchObject({ body: "better words", seq: 1 });
    expect(edited.editedAt).toBeInstanceOf(Date);
    expect(await a.caller.chats.remove(onIt)).toEqual({ ...onIt, deleted: true });
    expect(await kit.stored(chatId)).toEqual([]);
    expect(await outcome(a.caller.chats.remove(onIt))).toBe("CHAT_MESSAGE_NOT_FOUND");
  });

  it("writes one message for ten concurrent retries with the same nonce", async () => {
    const { a, b, chatId } = await kit.pair();
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        a.caller.chats.send({ chatId, body: "only once", nonce: "retry-1" }),
      ),
    );
    expect(new Set(answers.map((r) => r.message.id)).size).toBe(1);
    expect(answers.filter((r) => !r.duplicate)).toHaveLength(1);
    expect(await kit.stored(chatId)).toHaveLength(1);
    expect((await kit.member(chatId, b.id)).unreadCount).toBe(1);
    // The nonce is the author's: the other participant's same nonce is another message.
    const theirs = await b.caller.chats.send({ chatId, body: "me too", nonce: "retry-1" });
    expect(theirs).toMatchObject({ duplicate: false, message: { seq: 2 } });
  });

  it("rate-limits sending per user", async () => {
    const { a, chatId } = await kit.pair();
    for (let i = 0; i < 30; i++) await a.caller.chats.send({ chatId, body: `m${i}` });
    expect(await outcome(a.caller.chats.send({ chatId, body: "one more" }))).toBe("RATE_LIMITED");
  });
});

describe("read state", () => {
  it("counts unread messages and marks read up to a message, never backwards", async () => {
    const { a, b, chatId } = await kit.pair();
    const sent = await kit.fill(chatId, a.id, 3);
    expect(await b.caller.chats.info({ chatId })).toMatchObject({
      lastSeq: 3,
      unreadCount: 3,
      lastReadSeq: 0,
      otherLastReadSeq: 3,
      starter: {
        id: a.id,
        username: a.user.username,
        displayName: a.user.username,
        avatarUrl: null,
      },
      recipient: { id: b.id },
    });
    expect((await a.caller.chats.info({ chatId })).unreadCount).toBe(0);
    expect(await b.caller.chats.markRead({ chatId, messageId: sent[1]!.id })).toEqual({
      chatId,
      lastReadSeq: 2,
      unreadCount: 1,
    });
    expect(await b.caller.chats.markRead({ chatId, messageId: sent[0]!.id })).toMatchObject({
      lastReadSeq: 2,
      unreadCount: 1,
    });
    expect(await b.caller.chats.markRead({ chatId })).toMatchObject({
      lastReadSeq: 3,
      unreadCount: 0,
    });
    expect((await a.caller.chats.info({ chatId })).otherLastReadSeq).toBe(3);
    const elsewhere = await kit.pair();
    const [foreign] = await kit.fill(elsewhere.chatId, elsewhere.a.id, 1);
    const wrong = await failure(b.caller.chats.markRead({ chatId, messageId: foreign!.id }));
    expect(wrong.code).toBe("CHAT_MESSAGE_NOT_FOUND");
    expect(Object.keys(wrong.fieldErrors)).toEqual(["messageId"]);
    // Answering reads everything before: the answer is unread for the other side only.
    await b.caller.chats.send({ chatId, body: "got it" });
    expect((await kit.member(chatId, a.id)).unreadCount).toBe(1);
    expect(await kit.member(chatId, b.id)).toMatchObject({ unreadCount: 0, lastReadSeq: 4 });
  });

  it("puts the unread count and the last message right when a message is deleted", async () => {
    const { a, b, chatId } = await kit.pair();
    const [m1, m2] = await kit.fill(chatId, a.id, 2);
    expect((await kit.member(chatId, b.id)).unreadCount).toBe(2);
    await a.caller.chats.remove({ chatId, messageId: m2!.id });
    const row = await kit.member(chatId, b.id);
    expect(row).toMatchObject({ unreadCount: 1, lastMessageId: m1!.id });
    expect((await kit.member(chatId, a.id)).lastMessageId).toBe(m1!.id);
    const [listed] = (await b.caller.chats.list({})).items;
    expect(listed).toMatchObject({ id: chatId, unreadCount: 1, lastMessage: { id: m1!.id } });
    // A message the other side has read changes nothing for their count.
    await b.caller.chats.markRead({ chatId });
    await a.caller.chats.remove({ chatId, messageId: m1!.id });
    expect(await kit.member(chatId, b.id)).toMatchObject({ unreadCount: 0, lastMessageId: null });
    expect((await b.caller.chats.list({})).items[0]!.lastMessage).toBeNull();
  });
});

describe("chat list", () => {
  it("orders my chats by latest activity, with the other party, last message and unread count", async () => {
    const me = await kit.newUser();
    const others = [await kit.newUser(), await kit.newUser(), await kit.newUser()];
    const chats: string[] = [];
    for (const other of others)
      chats.push((await me.caller.chats.start({ recipientId: other.id })).chatId);
    // Activity times are milliseconds: instead of pausing, each step moves all activity so
    // far one minute into the past, so the next step's time is strictly its own.
    const mem = schema.privateChatMembers;
    const tick = () =>
      fixture.db.db
        .update(mem)
        .set({ lastActivityAt: sql`${mem.lastActivityAt} - interval '1 minute'` })
        .where(inArray(mem.chatId, chats));
    // Activity: chat 0 is the freshest, then 2, then 1 (which never saw a message).
    await tick();
    await sendChatMessage(fixture.db.db, others[2]!.id, chats[2]!, { body: "from two" });
    await sendChatMessage(fixture.db.db, others[2]!.id, chats[2]!, { body: "again" });
    await tick();
    await sendChatMessage(fixture.db.db, me.id, chats[0]!, { body: "x".repeat(300) });
    const all = await me.caller.chats.list({});
    expect(all.items.map((c) => c.id)).toEqual([chats[0], chats[2], chats[1]]);
    expect(all.nextCursor).toBeNull();
    const [first, second, third] = all.items;
    expect(first).toMatchObject({
      other: { id: others[0]!.id, username: others[0]!.user.username, avatarUrl: null },
      unreadCount: 0,
      lastMessage: { authorId: me.id, preview: `${"x".repeat(200)}…` },
    });
    expect(second).toMatchObject({ unreadCount: 2, lastMessage: { preview: "again" } });
    expect(third).toMatchObject({ unreadCount: 0, lastMessage: null });
    expect(first!.other.displayName).toBe(others[0]!.user.displayName);
    // Pages of one: the same order, nothing twice.
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await me.caller.chats.list({ limit: 1, cursor });
      seen.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([chats[0], chats[2], chats[1]]);
    // The other side sees the chat with me as the other party.
    const theirs = await others[2]!.caller.chats.list({});
    expect(theirs.items).toEqual([expect.objectContaining({ id: chats[2], unreadCount: 0 })]);
    expect(theirs.items[0]!.other.id).toBe(me.id);
  });
});
