import { publishSignal } from "./publish";
import { type DbOrTx } from "@guildhall/db";
import { processWide } from "@guildhall/process-wide";

type Viewer = { userId: string; username: string };
type PresenceType = "viewer.joined" | "viewer.here" | "viewer.left";

const HEARTBEAT_MS = 15_000;
/** A user's answers to newcomers on one stream are sent at most this often. */
const ANSWER_EVERY_MS = 1_000;

/**
 * Who is viewing, per process: a user with many subscriptions to one stream
 * (tabs, or a program holding many) announces once, heartbeats once, answers
 * newcomers once, and leaves when the last of them ends. Without this, N
 * subscribers of one user turn every join into N answers to N listeners.
 */
const present = processWide(
  "presence",
  () =>
    new Map<
      string,
      { count: number; timer: NodeJS.Timeout; answeredAt: number; joinedAt: number }
    >(),
);

function announce(db: DbOrTx, stream: string, type: PresenceType, viewer: Viewer) {
  return publishSignal(db, { stream, type, payload: viewer }).catch(() => undefined);
}

/** Marks `viewer` as present on `stream`; the returned function ends this subscription's share. */
export async function joinPresence(
  db: DbOrTx,
  stream: string,
  viewer: Viewer,
): Promise<() => Promise<void>> {
  const key = `${stream}\n${viewer.userId}`;
  const entry = present.get(key);
  const now = Date.now();
  if (!entry) {
    const timer = setInterval(() => void announce(db, stream, "viewer.here", viewer), HEARTBEAT_MS);
    present.set(key, { count: 1, timer, answeredAt: 0, joinedAt: now });
    await announce(db, stream, "viewer.joined", viewer);
  } else {
    entry.count++;
    // Another tab of a present user also wants to learn who is here; a burst of them asks once.
    if (now - entry.joinedAt >= ANSWER_EVERY_MS) {
      entry.joinedAt = now;
      await announce(db, stream, "viewer.joined", viewer);
    }
  }
  let left = false;
  return async () => {
    if (left) return;
    left = true;
    const current = present.get(key);
    if (!current || --current.count > 0) return;
    clearInterval(current.timer);
    present.delete(key);
    await announce(db, stream, "viewer.left", viewer);
  };
}

/** A newcomer joined: tell them we are here (once per user and stream, not per subscription). */
export function answerNewcomer(db: DbOrTx, stream: string, viewer: Viewer): void {
  const entry = present.get(`${stream}\n${viewer.userId}`);
  const now = Date.now();
  if (!entry || now - entry.answeredAt < ANSWER_EVERY_MS) return;
  entry.answeredAt = now;
  void announce(db, stream, "viewer.here", viewer);
}

/** How many (stream, user) presences this process keeps (for leak checks). */
export const presenceCount = () => present.size;
