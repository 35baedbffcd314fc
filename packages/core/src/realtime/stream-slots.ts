import { processWide } from "@guildhall/process-wide";
import { AppError } from "../errors";

/** Who holds a stream: a signed-in user, or an anonymous address. */
export type StreamOwner = { kind: "user"; id: string } | { kind: "address"; id: string };

/** Open streams of this process, by owner (`user:<id>` / `address:<ip>`). */
const open = processWide("streamSlots", () => new Map<string, number>());

function keyOf(owner: StreamOwner): string {
  return `${owner.kind}:${owner.id}`;
}

/**
 * Takes one of the owner's `limit` stream slots, or throws TOO_MANY_STREAMS.
 * The answer releases it; calling it again does nothing, so every way a
 * stream can end may call it.
 */
export function acquireStreamSlot(owner: StreamOwner, limit: number): () => void {
  const key = keyOf(owner);
  const held = open.get(key) ?? 0;
  if (held >= limit) throw new AppError("TOO_MANY_STREAMS", { limit }, { details: { limit } });
  open.set(key, held + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const now = (open.get(key) ?? 1) - 1;
    if (now > 0) open.set(key, now);
    else open.delete(key);
  };
}

/** How many streams this process has open: in all, of signed-in users and of anonymous addresses. */
export function openStreamCounts(): { total: number; users: number; addresses: number } {
  let users = 0;
  let addresses = 0;
  for (const [key, count] of open) {
    if (key.startsWith("user:")) users += count;
    else addresses += count;
  }
  return { total: users + addresses, users, addresses };
}
