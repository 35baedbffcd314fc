/**
 * Private chat benchmarks (issue 6), in process on Postgres (DATABASE_URL's
 * server, else the local one), on a throwaway database:
 *  1. A page of 50 messages from a chat of 1,000,000 messages at any depth
 *     (`before` / `after` / `around` a random message, and the newest page):
 *     target p99 <= 20 ms.
 *  2. One user with 500 chats, all with unread messages: the chat list with
 *     unread counts (`listChats`, limit 100, and all 500 in pages): target p99 <= 50 ms.
 * Baseline in the same run: a primary-key lookup of one message (the floor of
 * any query on this machine), so the ratios show what paging adds to it.
 * Every timed page is checked to be full (50 messages, 100 chats, all 500
 * chats listed with their unread counts): a short page would time less work.
 */
import { listChatMessages, listChats, sendChatMessage, startChat } from "@guildhall/core/chats";
import { createUser } from "@guildhall/core/users";
import { schema } from "@guildhall/db";
import { and, eq, inArray, sql } from "drizzle-orm";
import { concludeBench, openBenchDatabase, percentile, ratio, reducedBy, sanityCheck } from "./lib";

const MESSAGES = Number(process.argv[2] ?? 1_000_000);
const CHATS = Number(process.argv[3] ?? 500);
const RUNS = 500;

async function time(runs: number, run: (i: number) => Promise<unknown>) {
  for (let i = 0; i < 20; i++) await run(i); // warm up plans and caches
  const took: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await run(i);
    took.push(performance.now() - start);
  }
  return { p50: percentile(took, 50), p99: percentile(took, 99) };
}

const { handle, drop } = await openBenchDatabase(`gh_bench_c${Date.now()}`);
try {
  const db = handle.db;
  const alice = await createUser(db, { username: "benchalice" });
  const bob = await createUser(db, { username: "benchbob" });
  const { chatId } = await startChat(db, alice.id, { recipientId: bob.id });

  // --- 1. a chat of MESSAGES messages, written in bulk -------------------------------
  let started = performance.now();
  await db.execute(sql`
    insert into ${schema.privateMessages} (id, chat_id, seq, author_id, body, created_at)
    select gen_random_uuid(), ${chatId}, n,
      case when n % 2 = 0 then ${alice.id}::uuid else ${bob.id}::uuid end,
      'message number ' || n, now() - make_interval(secs => ${MESSAGES} - n)
    from generate_series(1, ${MESSAGES}) as n`);
  await db
    .update(schema.privateChats)
    .set({ lastSeq: MESSAGES })
    .where(eq(schema.privateChats.id, chatId));
  await db.execute(sql`analyze ${schema.privateMessages}`);
  console.log(`\n${MESSAGES} messages written in ${Math.round(performance.now() - started)} ms`);

  // Random message ids at every depth (away from both ends, so every page around them is
  // full), picked up front so the lookup is not timed.
  sanityCheck("chats", MESSAGES >= 1000, "a chat of at least 1,000 messages");
  const depths = Array.from(
    { length: RUNS + 20 },
    () => 100 + Math.floor(Math.random() * (MESSAGES - 200)),
  );
  const picks = (
    await db
      .select({ id: schema.privateMessages.id })
      .from(schema.privateMessages)
      .where(
        and(eq(schema.privateMessages.chatId, chatId), inArray(schema.privateMessages.seq, depths)),
      )
  ).map((row) => row.id);
  const pick = (i: number) => picks[i % picks.length]!;
  /** One page of 50, which must be full. */
  const page = async (where: string, cursor: Parameters<typeof listChatMessages>[3]) => {
    const result = await listChatMessages(db, alice.id, chatId, cursor);
    sanityCheck("chats", result.items.length === 50, `${where}: ${result.items.length} of 50`);
  };

  const baseline = await time(RUNS, (i) =>
    db
      .select({ id: schema.privateMessages.id })
      .from(schema.privateMessages)
      .where(eq(schema.privateMessages.id, pick(i))),
  );
  const rows: Record<string, { p50: number; p99: number }> = {
    "primary-key lookup (baseline)": baseline,
    "newest page": await time(RUNS, () => page("newest", { limit: 50 })),
    "before a random message": await time(RUNS, (i) =>
      page("before", { limit: 50, before: pick(i) }),
    ),
    "after a random message": await time(RUNS, (i) => page("after", { limit: 50, after: pick(i) })),
    "around a random message": await time(RUNS, (i) =>
      page("around", { limit: 50, around: pick(i) }),
    ),
  };
  console.log(`Page of 50 from a chat of ${MESSAGES} messages (${RUNS} runs each)`);
  console.log("query                              p50 ms   p99 ms   p99 vs baseline");
  for (const [label, row] of Object.entries(rows)) {
    console.log(
      `${label.padEnd(34)}${String(row.p50).padStart(7)}${String(row.p99).padStart(9)}${String(ratio(row.p99, baseline.p99)).padStart(10)}x`,
    );
  }
  const worstPage = Math.max(...Object.values(rows).map((row) => row.p99));
  console.log(`worst page p99: ${worstPage} ms (target <= 20)`);

  // --- 2. one user with CHATS chats, each with unread messages ------------------------
  started = performance.now();
  const others = await db
    .insert(schema.users)
    .values(Array.from({ length: CHATS }, (_, i) => ({ username: `benchfriend${i}` })))
    .returning({ id: schema.users.id });
  for (const [i, other] of others.entries()) {
    // Each friend writes 1-5 messages the user has not read, through the real send path.
    const { chatId: id } = await startChat(db, other.id, {
      recipientId: alice.id,
      body: `hello ${i}`,
    });
    for (let n = 1; n < 1 + (i % 5); n++) {
      await sendChatMessage(db, other.id, id, { body: `more ${n}` });
    }
  }
  console.log(
    `${CHATS} chats with unread messages made in ${Math.round(performance.now() - started)} ms`,
  );
  sanityCheck("chats", CHATS >= 100, "at least 100 chats (a full first page)");
  const firstPage = await time(RUNS, async () => {
    const list = await listChats(db, alice.id, { limit: 100 });
    sanityCheck("chats", list.items.length === 100, `first page: ${list.items.length} of 100`);
  });
  const allChats = await time(100, async () => {
    let cursor: string | null = null;
    let seen = 0;
    let unread = 0;
    do {
      const page: Awaited<ReturnType<typeof listChats>> = await listChats(db, alice.id, {
        limit: 100,
        cursor,
      });
      seen += page.items.length;
      unread += page.items.filter((chat) => chat.unreadCount > 0).length;
      cursor = page.nextCursor;
    } while (cursor);
    // The friends' chats and the one with bob (whose bulk-written messages may not count).
    sanityCheck("chats", seen === CHATS + 1, `listed ${seen} of ${CHATS + 1} chats`);
    sanityCheck("chats", unread >= CHATS, `${unread} of ${CHATS} chats with unread messages`);
  });
  const listBaseline = await time(RUNS, (i) =>
    db
      .select({ id: schema.privateMessages.id })
      .from(schema.privateMessages)
      .where(eq(schema.privateMessages.id, pick(i))),
  );
  console.log(`\nChat list of a user with ${CHATS} chats, unread counts included`);
  console.log("query                              p50 ms   p99 ms   p99 vs baseline");
  for (const [label, row] of Object.entries({
    "primary-key lookup (baseline)": listBaseline,
    "first page (100 chats)": firstPage,
    [`all ${CHATS} chats (pages of 100)`]: allChats,
  })) {
    console.log(
      `${label.padEnd(34)}${String(row.p50).padStart(7)}${String(row.p99).padStart(9)}${String(ratio(row.p99, listBaseline.p99)).padStart(10)}x`,
    );
  }
  console.log(
    `chat list p99: first page ${firstPage.p99} ms, all ${CHATS} ${allChats.p99} ms (target <= 50)`,
  );
  concludeBench(
    "chats",
    [
      { name: "worst page of 50, p99", value: worstPage, atMost: 20, unit: " ms" },
      { name: "chat list first page, p99", value: firstPage.p99, atMost: 50, unit: " ms" },
      { name: `chat list all ${CHATS}, p99`, value: allChats.p99, atMost: 50, unit: " ms" },
    ],
    { messages: MESSAGES, chats: CHATS, pages: rows, firstPage, allChats },
    { reduced: reducedBy({ messages: [MESSAGES, 1_000_000], chats: [CHATS, 500] }) },
  );
} finally {
  await drop();
}
