import type { MatrixEntry } from "./callers";
import { allGet, everyone, nobody, signedInGet } from "./callers";

/** The matrix rows of QR sign-in. */
export const qrLoginRows: Record<string, MatrixEntry> = {
  // QR sign-in: the browser side is public (its secret or ticket decides), the device side signed in.
  "qrLogin.create": { input: undefined, badInput: "x", outcomes: everyone },
  "qrLogin.watch": {
    input: { requestId: nobody, secret: "ghs_not-a-secret" },
    badInput: { requestId: "x", secret: "" },
    outcomes: allGet("QR_REQUEST_NOT_FOUND"),
  },
  "qrLogin.heartbeat": {
    input: { requestId: nobody, secret: "ghs_not-a-secret" },
    badInput: { requestId: nobody },
    outcomes: allGet("QR_REQUEST_NOT_FOUND"),
  },
  "qrLogin.inspect": {
    input: { requestId: nobody },
    badInput: { requestId: "x" },
    outcomes: signedInGet("QR_REQUEST_NOT_FOUND"),
  },
  "qrLogin.approve": {
    input: { requestId: nobody },
    badInput: { requestId: 1 },
    outcomes: signedInGet("QR_REQUEST_NOT_FOUND"),
  },
  "qrLogin.deny": {
    input: { requestId: nobody },
    badInput: {},
    outcomes: signedInGet("QR_REQUEST_NOT_FOUND"),
  },
  "qrLogin.exchange": {
    input: { ticket: "ghq_not-a-ticket" },
    badInput: { ticket: "" },
    outcomes: allGet("QR_TICKET_INVALID"),
  },
};
