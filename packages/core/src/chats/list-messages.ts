import { schema, type DbOrTx } from "@guildhall/db";
import { and, asc, desc, eq, gt, lt, lte, type SQL } from "drizzle-orm";
import { findChat, messageSeq } from "./access";
import { messageQuery, toChatMessage, type ChatMessage } from "./message-shape";

/**
 * One page of a chat: at most one of `before` / `after` / `around` (a message
 * id), or the seed's `offset` from the newest. Cursor pages are keyset ranges
 * of `seq`, so messages arriving meanwhile never shift them.
 */
export interface MessagePageInput {
  before?: string | null;
  after?: string | null;
  around?: string | null;
  limit: number;
  offset?: number | null;
}

export interface MessagePage {
  /** Newest first. */
  items: ChatMessage[];
  /** Pass as `before` for the older page; null when there is none. */
  nextBefore: string | null;
  /** Pass as `after` for the newer page; null when there is none. */
  nextAfter: string | null;
}

const m = schema.privateMessages;
type Row = Awaited<ReturnType<ReturnType<typeof messageQuery>["execute"]>>[number];
interface Slice {
  rows: Row[];
  hasOlder: boolean;
  hasNewer: boolean;
}

/** Newest first; one row past the page tells whether there is more that way. */
async function olderSlice(db: DbOrTx, where: SQL | undefined, count: number, offset = 0) {
  const query = messageQuery(db)
    .where(where)
    .orderBy(desc(m.seq))
    .limit(count + 1);
  const rows = await (offset > 0 ? query.offset(offset) : query);
  return { rows: rows.slice(0, count), more: rows.length > count };
}

/** The oldest `count` of `range`, returned newest first. */
async function newerSlice(db: DbOrTx, where: SQL | undefined, count: number) {
  const rows = await messageQuery(db)
    .where(where)
    .orderBy(asc(m.seq))
    .limit(count + 1);
  return { rows: rows.slice(0, count).reverse(), more: rows.length > count };
}

async function slice(db: DbOrTx, chatId: string, page: MessagePageInput): Promise<Slice> {
  const inChat = (range?: SQL) => and(eq(m.chatId, chatId), range);
  const seqOf = (id: string, field: string) => messageSeq(db, chatId, id, field);
  if (page.before) {
    const { rows, more } = await olderSlice(
      db,
      inChat(lt(m.seq, await seqOf(page.before, "before"))),
      page.limit,
    );
    return { rows, hasOlder: more, hasNewer: true };
  }
  if (page.after) {
    const { rows, more } = await newerSlice(
      db,
      inChat(gt(m.seq, await seqOf(page.after, "after"))),
      page.limit,
    );
    return { rows, hasOlder: true, hasNewer: more };
  }
  if (page.around) {
    const seq = await seqOf(page.around, "around");
    // The target with the older half below it, the newer half above: centred on the target.
    const half = Math.floor((page.limit - 1) / 2);
    const [below, above] = await Promise.all([
      olderSlice(db, inChat(lte(m.seq, seq)), page.limit - half),
      newerSlice(db, inChat(gt(m.seq, seq)), half),
    ]);
    return { rows: [...above.rows, ...below.rows], hasOlder: below.more, hasNewer: above.more };
  }
  // Seed compatibility: limit + offset from the newest (the only mode that skips rows).
  const offset = page.offset ?? 0;
  const { rows, more } = await olderSlice(db, inChat(), page.limit, offset);
  return { rows, hasOlder: more, hasNewer: offset > 0 };
}

/** A page of a chat's messages, newest first, for its participants only. */
export async function listChatMessages(
  db: DbOrTx,
  userId: string,
  chatId: string,
  page: MessagePageInput,
): Promise<MessagePage> {
  const chat = await findChat(db, userId, chatId);
  const { rows, hasOlder, hasNewer } = await slice(db, chat.id, page);
  const items = rows.map(toChatMessage);
  // An empty page next to its cursor still points back at the cursor.
  const cursor = page.before ?? page.after ?? page.around ?? null;
  return {
    items,
    nextBefore: hasOlder ? (items.at(-1)?.id ?? cursor) : null,
    nextAfter: hasNewer ? (items[0]?.id ?? cursor) : null,
  };
}
