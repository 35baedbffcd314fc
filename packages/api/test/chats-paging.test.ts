import { sendChatMessage } from "@guildhall/core/chats";
import { beforeEach, describe, expect, it } from "vitest";
import { resetRateLimiters } from "../src/middleware/rate-limit";
import { chatKit } from "./support/chats";
import { failure } from "./support/tickets";
import { useWorld } from "./support/world";

const fixture = useWorld();
const kit = chatKit(fixture);

beforeEach(() => resetRateLimiters());

/** A new message by the author, committed before the next page is read (no timing). */
let sentMeanwhile = 0;
const arrives = (chatId: string, authorId: string) =>
  sendChatMessage(fixture.db.db, authorId, chatId, { body: `new ${++sentMeanwhile}` });

describe("paging a chat", () => {
  it("answers before / after / around / offset pages, newest first, with cursors onward", async () => {
    const { a, b, chatId } = await kit.pair();
    const sent = await kit.fill(chatId, a.id, 25);
    const id = (seq: number) => sent[seq - 1]!.id;
    const list = async (input: Record<string, unknown>) => {
      const page = await b.caller.chats.messages({ chatId, ...input });
      return { seqs: page.items.map((m) => m.seq), ...page };
    };
    const range = (from: number, to: number) =>
      Array.from({ length: from - to + 1 }, (_, i) => from - i);

    const latest = await list({ limit: 10 });
    expect(latest.seqs).toEqual(range(25, 16));
    expect(latest).toMatchObject({ nextBefore: id(16), nextAfter: null });
    expect(latest.items[0]).toMatchObject({ body: "m25", author: { id: a.id }, replyTo: null });
    expect(await list({ before: id(16), limit: 10 })).toMatchObject({
      seqs: range(15, 6),
      nextBefore: id(6),
      nextAfter: id(15),
    });
    // `cursor` (what tRPC infinite queries send) is `before`.
    expect(await list({ cursor: id(16), limit: 10 })).toMatchObject({ seqs: range(15, 6) });
    expect(await list({ before: id(6), limit: 10 })).toMatchObject({
      seqs: range(5, 1),
      nextBefore: null,
      nextAfter: id(5),
    });
    expect(await list({ after: id(5), limit: 3 })).toMatchObject({
      seqs: [8, 7, 6],
      nextBefore: id(6),
      nextAfter: id(8),
    });
    expect(await list({ after: id(23), limit: 10 })).toMatchObject({
      seqs: [25, 24],
      nextAfter: null,
    });
    // Around: the target in the middle, at the edges whatever there is.
    expect(await list({ around: id(10), limit: 5 })).toMatchObject({
      seqs: [12, 11, 10, 9, 8],
      nextBefore: id(8),
      nextAfter: id(12),
    });
    expect(await list({ around: id(2), limit: 5 })).toMatchObject({
      seqs: [4, 3, 2, 1],
      nextBefore: null,
    });
    expect(await list({ around: id(25), limit: 4 })).toMatchObject({
      seqs: [25, 24, 23],
      nextAfter: null,
    });
    // The seed's limit + offset.
    expect(await list({ limit: 10, offset: 20 })).toMatchObject({
      seqs: range(5, 1),
      nextBefore: null,
      nextAfter: id(5),
    });
    expect((await list({})).seqs).toEqual(range(25, 1));

    const twoCursors = await failure(
      b.caller.chats.messages({ chatId, before: id(3), after: id(1) }),
    );
    expect(twoCursors.code).toBe("VALIDATION_FAILED");
    expect(Object.keys(twoCursors.fieldErrors)).toEqual(["after"]);
    const cursorAndBefore = await failure(
      b.caller.chats.messages({ chatId, cursor: id(3), before: id(2) }),
    );
    expect(Object.keys(cursorAndBefore.fieldErrors)).toEqual(["before"]);
    const cursorAndOffset = await failure(
      b.caller.chats.messages({ chatId, around: id(3), offset: 1 }),
    );
    expect(Object.keys(cursorAndOffset.fieldErrors)).toEqual(["around"]);
    const tooMany = await failure(b.caller.chats.messages({ chatId, limit: 101 }));
    expect(Object.keys(tooMany.fieldErrors)).toEqual(["limit"]);
    const other = await kit.pair();
    const [foreign] = await kit.fill(other.chatId, other.a.id, 1);
    const wrong = await failure(b.caller.chats.messages({ chatId, before: foreign!.id }));
    expect(wrong.code).toBe("CHAT_MESSAGE_NOT_FOUND");
    expect(Object.keys(wrong.fieldErrors)).toEqual(["before"]);
  });

  it("never skips or repeats a message while new ones arrive", async () => {
    const { a, b, chatId } = await kit.pair();
    const existing = (await kit.fill(chatId, a.id, 60)).map((m) => m.id);

    // Backwards with `before`: exactly the messages there were at the start.
    const first = await b.caller.chats.messages({ chatId, limit: 7 });
    const backwards = first.items.map((m) => m.id);
    let pagesBack = 0;
    for (let before = first.nextBefore; before; pagesBack++) {
      await arrives(chatId, a.id);
      const page = await b.caller.chats.messages({ chatId, before, limit: 7 });
      backwards.push(...page.items.map((m) => m.id));
      before = page.nextBefore;
    }
    expect(pagesBack).toBe(8); // 60 messages, 7 a page: a new message before each of 8 more
    expect(backwards).toEqual([...existing].reverse());

    // Forwards with `after` from the oldest: every message once, in order, new ones included.
    const forwards = [existing[0]!];
    let cursor = existing[0]!;
    for (let pages = 1; ; pages++) {
      // New messages arrive before each of the first five pages, then stop.
      if (pages < 6) await arrives(chatId, b.id);
      const page = await b.caller.chats.messages({ chatId, after: cursor, limit: 9 });
      forwards.push(...page.items.map((m) => m.id).reverse());
      cursor = page.nextAfter ?? page.items[0]?.id ?? cursor;
      if (pages >= 6 && !page.nextAfter) break;
    }
    const everything = (await kit.stored(chatId)).map((m) => m.id);
    expect(everything.length).toBeGreaterThan(existing.length);
    expect(forwards).toEqual(everything);
  });
});
