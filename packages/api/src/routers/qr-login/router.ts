import { router } from "../../trpc";
import { approveRequest } from "./approve-request";
import { createRequest } from "./create-request";
import { denyRequest } from "./deny-request";
import { exchangeTicket } from "./exchange-ticket";
import { inspectRequest } from "./inspect-request";
import { sendHeartbeat } from "./send-heartbeat";
import { watchRequest } from "./watch-request";

/** QR sign-in: a browser asks, one signed-in device answers, the browser exchanges a ticket. */
export const qrLoginRouter = router({
  create: createRequest,
  watch: watchRequest,
  heartbeat: sendHeartbeat,
  inspect: inspectRequest,
  approve: approveRequest,
  deny: denyRequest,
  exchange: exchangeTicket,
});
