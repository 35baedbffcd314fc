import { index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns";
import { authSessions } from "./identity";
import { users } from "./users";

const at = () => timestamp({ withTimezone: true });

export type QrLoginStatus = "pending" | "scanned" | "approved" | "denied" | "completed";

/**
 * A browser's request to be signed in by a device that already is (seed 003).
 * Two parties at most: the browser (holds the secret) and the first signed-in
 * session that scans it. Secrets and tickets are stored hashed.
 */
export const qrLoginRequests = pgTable(
  "qr_login_requests",
  {
    id: id(),
    secretHash: text().notNull(),
    status: text().$type<QrLoginStatus>().notNull().default("pending"),
    /** The asking browser, shown to the approving device. */
    userAgent: text(),
    ip: text(),
    createdAt: createdAt(),
    expiresAt: at().notNull(),
    /** Last heartbeat of the waiting browser. */
    browserSeenAt: at(),
    scannerUserId: uuid().references(() => users.id, { onDelete: "cascade" }),
    scannerSessionId: uuid().references(() => authSessions.id, { onDelete: "cascade" }),
    scannedAt: at(),
    decidedAt: at(),
    /** The one-time ticket the browser exchanges for a session. */
    ticketHash: text(),
    ticketExpiresAt: at(),
    completedAt: at(),
  },
  (t) => [
    uniqueIndex("qr_login_requests_ticket_key").on(t.ticketHash),
    index("qr_login_requests_expiry_idx").on(t.expiresAt),
  ],
);
