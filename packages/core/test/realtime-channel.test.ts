/**
 * The realtime seam (src/realtime): channels declared once by a domain
 * (`visibleTo`, `stillAllowed`, `needs`), opened with `openChannel` on the
 * bus, on this run's database (PGlite, or Postgres with DATABASE_URL).
 */
import { schema } from "@guildhall/db";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { hubStanding, type HubActor } from "../src/access";
import { getEnv } from "../src/env";
import { createHub } from "../src/hubs";
import { addMember } from "../src/members";
import {
  defineChannel,
  defineHubChannel,
  openChannel,
  presenceCount,
  publishEvent,
  publishSignal,
  RealtimeBus,
  type BusItem,
  type BusSubscription,
} from "../src/realtime";
import { accessTokenPrincipal, createTestDatabase, type TestDatabase } from "../src/testing";
import { createUser } from "../src/users";

vi.stubEnv("REALTIME_RECHECK_SECONDS", "1");

let tdb: TestDatabase;
let bus: RealtimeBus;
let hubId: string;
const users: Record<"owner" | "mod" | "member", { id: string; username: string }> = {} as never;

beforeAll(async () => {
  tdb = await createTestDatabase();
  bus = new RealtimeBus(tdb);
  await bus.start();
  await tdb.db.transaction(async (tx) => {
    for (const name of ["owner", "mod", "member"] as const)
      users[name] = await createUser(tx, { username: `channel-${name}` });
    const hub = await createHub(tx, {
      slug: "channel-hub",
      name: "Channels",
      ownerId: users.owner.id,
    });
    hubId = hub.id;
    await addMember(tx, { hubId, userId: users.mod.id, roleKey: "moderator" });
    await addMember(tx, { hubId, userId: users.member.id, roleKey: "member" });
  });
});
afterAll(async () => {
  await bus.stop();
  await tdb.destroy();
});

/** The user as the hub middleware would resolve them now. */
async function actorOf(user: { id: string }): Promise<HubActor> {
  const standing = await hubStanding(tdb.db, hubId, { userId: user.id, superAdmin: false });
  if (!standing) throw new Error("not a member");
  return {
    hubId,
    userId: user.id,
    superAdmin: false,
    highest: standing.highest,
    permissions: standing.grants.permissions,
  };
}

const closed = new Set<string>();
/** A hub channel like a domain declares one: staff-only items, and a "closed" object. */
const boardChannel = defineHubChannel<{ id: string }>({
  name: "board",
  stream: ({ id }) => `board:${id}`,
  needs: (first) => (first.permissions.has("ticket.manage") ? ["ticket.manage"] : ["member.read"]),
  visibleTo: (actor, item) =>
    item.payload.staffOnly !== true || actor.permissions.has("ticket.manage"),
  stillAllowed: (_db, _actor, { id }) => Promise.resolve(!closed.has(id)),
  presence: true,
});

/**
 * A subscriber of board `id`. Primed (the default): it has read the stream's
 * head, so whatever is posted from now on reaches it as news.
 */
async function open(
  user: { id: string; username: string },
  id: string,
  options: { after?: number; prime?: boolean } = {},
) {
  const controller = new AbortController();
  const channel = await openChannel(
    bus,
    boardChannel,
    { id },
    { db: tdb.db, principal: accessTokenPrincipal(user), actor: await actorOf(user) },
    { after: options.after, signal: controller.signal },
  );
  if (options.prime ?? true) {
    const probe = `${user.id}:${Math.random()}`;
    await publishSignal(tdb.db, { stream: `board:${id}`, type: "probe", payload: { probe } });
    await collect(channel.events, (items) => items.at(-1)?.payload.probe === probe);
  }
  return { ...channel, controller };
}

/** Items of `events` until `until` holds for the list (or the stream ends, or time runs out). */
async function collect(
  events: BusSubscription,
  until: (items: BusItem[]) => boolean,
  timeoutMs = 10_000,
): Promise<{ items: BusItem[]; ended: boolean }> {
  const items: BusItem[] = [];
  const timer = setTimeout(() => void events.return(), timeoutMs);
  try {
    for (;;) {
      const next = await events.next();
      if (next.done) return { items, ended: true };
      items.push(next.value);
      if (until(items)) return { items, ended: false };
    }
  } finally {
    clearTimeout(timer);
  }
}

const post = (id: string, payload: Record<string, unknown>) =>
  tdb.db.transaction((tx) => publishEvent(tx, { stream: `board:${id}`, type: "post", payload }));
const seqs = (items: BusItem[]) =>
  items.flatMap((item) => (item.kind === "event" ? [item.seq] : []));
const wait = () => (getEnv().REALTIME_RECHECK_SECONDS + 5) * 1000;

describe("realtime channels", () => {
  it("filters every item with visibleTo: staff-only items reach staff, never members; a resume goes on past hidden items", async () => {
    const member = await open(users.member, "b1");
    const mod = await open(users.mod, "b1");
    const memberGot = collect(member.events, (items) => seqs(items).includes(3));
    const modGot = collect(mod.events, (items) => seqs(items).includes(3));
    await post("b1", { n: 1 });
    await post("b1", { n: 2, staffOnly: true });
    await post("b1", { n: 3 });
    expect(seqs((await memberGot).items)).toEqual([1, 3]);
    expect(seqs((await modGot).items)).toEqual([1, 2, 3]);
    // Resuming after 1 skips the hidden 2 and goes on with 3.
    const resumed = await open(users.member, "b1", { after: 1, prime: false });
    expect(
      seqs((await collect(resumed.events, (items) => seqs(items).length === 1)).items),
    ).toEqual([3]);
    for (const channel of [member, mod, resumed]) channel.controller.abort();
  });

  it("re-reads a hub subscriber on every check: staff who lose a permission they subscribed with are ended", async () => {
    const mod = await open(users.mod, "b2");
    const member = await open(users.member, "b2");
    const ended = collect(mod.events, () => false, wait());
    const { hubRoles: r, hubMemberRoles: mr } = schema;
    const [moderator] = await tdb.db
      .select({ id: r.id })
      .from(r)
      .where(and(eq(r.hubId, hubId), eq(r.key, "moderator")));
    const [plain] = await tdb.db
      .select({ id: r.id })
      .from(r)
      .where(and(eq(r.hubId, hubId), eq(r.key, "member")));
    await tdb.db.transaction(async (tx) => {
      await tx.delete(mr).where(and(eq(mr.userId, users.mod.id), eq(mr.roleId, moderator!.id)));
      await tx.insert(mr).values({ hubId, userId: users.mod.id, roleId: plain!.id });
    });
    try {
      expect((await ended).ended).toBe(true);
      // The member's stream was not touched: it still gets news.
      const news = collect(member.events, (items) => seqs(items).length === 1);
      await post("b2", { n: 1 });
      expect(seqs((await news).items)).toEqual([1]);
    } finally {
      await tdb.db.transaction(async (tx) => {
        await tx.delete(mr).where(and(eq(mr.userId, users.mod.id), eq(mr.roleId, plain!.id)));
        await tx.insert(mr).values({ hubId, userId: users.mod.id, roleId: moderator!.id });
      });
      member.controller.abort();
    }
  });

  it("ends a stream when stillAllowed turns false, and when the account is deactivated", async () => {
    const member = await open(users.member, "b3");
    const other = await open(users.member, "b4");
    closed.add("b3");
    expect((await collect(member.events, () => false, wait())).ended).toBe(true);
    await tdb.db
      .update(schema.users)
      .set({ isActive: false })
      .where(eq(schema.users.id, users.member.id));
    try {
      expect((await collect(other.events, () => false, wait())).ended).toBe(true);
    } finally {
      await tdb.db
        .update(schema.users)
        .set({ isActive: true })
        .where(eq(schema.users.id, users.member.id));
    }
  });

  it("announces subscribers of a presence channel, answers newcomers, skips their own signals and leaves at the end", async () => {
    const before = presenceCount();
    const mod = await open(users.mod, "b5", { prime: false });
    const modSees = collect(mod.events, (items) =>
      items.some((item) => item.type === "viewer.left"),
    );
    const member = await open(users.member, "b5", { prime: false });
    const memberSees = collect(
      member.events,
      (items) => new Set(items.map((item) => item.type)).size === 2,
    );
    expect(presenceCount()).toBe(before + 2);
    // Typing of the member reaches the moderator only; the moderator's reaches the member.
    await publishSignal(tdb.db, {
      stream: "board:b5",
      type: "typing",
      payload: { userId: users.mod.id },
    });
    // The answer and the typing travel apart (on Postgres as two NOTIFYs): in either order.
    const memberItems = (await memberSees).items;
    expect(memberItems.map((item) => [item.type, item.payload.userId]).sort()).toEqual([
      ["typing", users.mod.id],
      ["viewer.here", users.mod.id],
    ]);
    await member.events.return();
    const modItems = (await modSees).items;
    expect(modItems.map((item) => [item.type, item.payload.userId])).toEqual([
      ["viewer.joined", users.member.id],
      ["viewer.left", users.member.id],
    ]);
    mod.controller.abort();
    expect(presenceCount()).toBe(before);
  });

  it("gives a channel of one's own stream every item, for as long as stillAllowed holds", async () => {
    let allowed = true;
    const before = bus.stats().subscribers;
    const own = defineChannel<{ userId: string }, { userId: string }>({
      name: "own",
      stream: ({ userId }) => `own:${userId}`,
      stillAllowed: () => Promise.resolve(allowed),
    });
    const { events } = await openChannel(
      bus,
      own,
      { userId: users.owner.id },
      {
        db: tdb.db,
        principal: accessTokenPrincipal(users.owner),
        actor: { userId: users.owner.id },
      },
      { after: 0 },
    );
    await tdb.db.transaction((tx) =>
      publishEvent(tx, { stream: `own:${users.owner.id}`, type: "x", payload: { internal: true } }),
    );
    expect(seqs((await collect(events, (items) => items.length === 1)).items)).toEqual([1]);
    allowed = false;
    expect((await collect(events, () => false, wait())).ended).toBe(true);
    expect(bus.stats().subscribers).toBe(before);
  });

  it("keeps an anonymous watcher (a null actor) through its checks, and ends it when stillAllowed turns false", async () => {
    // The QR sign-in's browser watches as nobody: its actor is null, which must not read as "access gone".
    let allowed = true;
    let checks = 0;
    let checked: (() => void) | null = null;
    const anonymous = defineChannel<null, { key: string }>({
      name: "anonymous",
      stream: ({ key }) => `anon:${key}`,
      stillAllowed: () => {
        checks++;
        checked?.();
        return Promise.resolve(allowed);
      },
    });
    const key = crypto.randomUUID();
    const { events } = await openChannel(
      bus,
      anonymous,
      { key },
      { db: tdb.db, principal: null, actor: null },
      { after: 0 },
    );
    // Two checks have passed (each after REALTIME_RECHECK_SECONDS): the stream still delivers.
    while (checks < 2) await new Promise<void>((resolve) => (checked = resolve));
    await tdb.db.transaction((tx) =>
      publishEvent(tx, { stream: `anon:${key}`, type: "scanned", payload: {} }),
    );
    const got = await collect(events, (items) => items.length === 1);
    expect(got.ended).toBe(false);
    expect(got.items.map((item) => item.type)).toEqual(["scanned"]);
    allowed = false;
    expect((await collect(events, () => false, wait())).ended).toBe(true);
  });
});
