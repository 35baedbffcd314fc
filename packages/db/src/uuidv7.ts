import { randomBytes } from "node:crypto";
import { processWide } from "@guildhall/process-wide";

/** Once per process: ids from every bundle's copy of this module keep increasing. */
const state = processWide("db.uuidv7", () => ({ lastMs: 0, counter: 0 }));

/**
 * RFC 9562 UUIDv7: 48-bit millisecond timestamp, a 12-bit counter (method 3)
 * and random bits. Within one process ids are strictly increasing, even for
 * many ids in the same millisecond, so they order rows for keyset paging.
 */
export function uuidv7(now: number = Date.now()): string {
  if (now > state.lastMs) {
    state.lastMs = now;
    // Start low in the 12-bit range so the same millisecond has room to count.
    state.counter = randomBytes(2).readUInt16BE(0) & 0x3ff;
  } else if (++state.counter > 0xfff) {
    state.lastMs += 1;
    state.counter = 0;
  }
  const { lastMs, counter } = state;
  const bytes = randomBytes(16);
  bytes.writeUIntBE(lastMs, 0, 6);
  bytes[6] = 0x70 | (counter >> 8);
  bytes[7] = counter & 0xff;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
