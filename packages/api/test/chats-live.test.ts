import { userChatsStream } from "@guildhall/core/chats";
import { beforeEach, describe, expect, it } from "vitest";
import { resetRateLimiters } from "../src/middleware/rate-limit";
import { chatKit, reader } from "./support/chats";
import { useWorld } from "./support/world";

const fixture = useWorld();
const kit = chatKit(fixture);

beforeEach(() => resetRateLimiters());

describe("realtime", () => {
  it("streams created, edited, deleted and read events in order to both people, and resumes", async () => {
    const [a, b] = [await kit.newUser(), await kit.newUser()];
    const mine = reader(await a.caller.chats.watch({}));
    await mine.ready();
    const { chatId } = await a.caller.chats.start({ recipientId: b.id });
    const theirs = reader(await b.caller.chats.watch({ chatId }));
    await theirs.ready();
    const { message: one } = await a.caller.chats.send({ chatId, body: "one" });
    await a.caller.chats.edit({ chatId, messageId: one.id, body: "one!" });
    const { message: two } = await a.caller.chats.send({ chatId, body: "two" });
    await a.caller.chats.remove({ chatId, messageId: two.id });
    await b.caller.chats.markRead({ chatId });
    const after = [
      "message.created",
      "message.edited",
      "message.created",
      "message.deleted",
      "read",
    ];
    await mine.until(() => mine.tracked.length === after.length + 1);
    await theirs.until(() => theirs.tracked.length === after.length);
    expect(mine.tracked.map((e) => e.type)).toEqual(["chat.created", ...after]);
    expect(theirs.tracked.map((e) => e.type)).toEqual(after);
    expect(theirs.tracked[0]!.payload).toMatchObject({
      chatId,
      messageId: one.id,
      seq: 1,
      authorId: a.id,
      preview: "one",
      replyToId: null,
    });
    expect(theirs.tracked[1]!.payload).toMatchObject({ messageId: one.id, preview: "one!" });
    expect(theirs.tracked[3]!.payload).toMatchObject({ messageId: two.id, seq: 2 });
    expect(theirs.tracked[4]!.payload).toEqual({ chatId, userId: b.id, seq: 2 });
    // Both streams hold the same events.
    const stored = await kit.events(userChatsStream(a.id), userChatsStream(b.id));
    expect(stored.filter((e) => e.stream === userChatsStream(b.id)).map((e) => e.type)).toEqual([
      "chat.created",
      ...after,
    ]);
    // Typing is a live signal for the other side.
    await a.caller.chats.typing({ chatId });
    await theirs.until(() => theirs.signals.some((s) => s.type === "typing"));
    expect(theirs.signals.find((s) => s.type === "typing")!.payload).toEqual({
      chatId,
      userId: a.id,
      username: a.user.username,
    });
    // Resuming after the first event replays the rest, once each, in order.
    const resumed = reader(await a.caller.chats.watch({ lastEventId: mine.tracked[0]!.id }));
    await resumed.until(() => resumed.tracked.length >= after.length);
    // A fence instead of a pause: one more message, and once both have it, a replayed
    // duplicate (which would come before it, in order) has had its chance to show.
    const { message: fence } = await b.caller.chats.send({ chatId, body: "fence" });
    const hasFence = (r: typeof mine) => r.tracked.some((e) => e.payload.messageId === fence.id);
    await mine.until(() => hasFence(mine));
    await resumed.until(() => hasFence(resumed));
    expect(resumed.tracked.map((e) => e.id)).toEqual(mine.tracked.slice(1).map((e) => e.id));
  });
});
