import { autoCloseTickets, purgeClosedTickets } from "../tickets";
import { purgeSigningKeys } from "../identity";
import { purgeExpiredQrLogins } from "../qr-login";
import { purgeRealtimeEvents } from "../realtime";
import { purgeDeletedAccounts } from "../users";
import type { Job } from "./scheduler";

/** Guildhall's periodic jobs (each runs once across instances); domains add theirs here. */
export const jobs: Job[] = [
  {
    name: "purge-deleted-accounts",
    everySeconds: 3600,
    run: (db, now) => purgeDeletedAccounts(db, now),
  },
  {
    name: "auto-close-tickets",
    everySeconds: 600,
    run: (db, now) => autoCloseTickets(db, now),
  },
  {
    name: "purge-closed-tickets",
    everySeconds: 3600,
    run: (db, now) => purgeClosedTickets(db, now),
  },
  {
    name: "purge-expired-qr-logins",
    everySeconds: 3600,
    run: (db, now) => purgeExpiredQrLogins(db, now),
  },
  {
    name: "purge-signing-keys",
    everySeconds: 3600,
    run: (db, now) => purgeSigningKeys(db, now),
  },
  {
    name: "purge-realtime-events",
    everySeconds: 3600,
    run: (db, now) => purgeRealtimeEvents(db, now),
  },
];
