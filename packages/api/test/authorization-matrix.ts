import { adminRows } from "./authorization-matrix/admin";
import type { MatrixEntry } from "./authorization-matrix/callers";
import { chatsRows } from "./authorization-matrix/chats";
import { configRows } from "./authorization-matrix/config";
import { hubsRows } from "./authorization-matrix/hubs";
import { identityRows } from "./authorization-matrix/identity";
import { instanceAuditFeaturesRows } from "./authorization-matrix/instance-audit-features";
import { qrLoginRows } from "./authorization-matrix/qr-login";
import { sitesRows } from "./authorization-matrix/sites";
import { ticketsRows } from "./authorization-matrix/tickets";

export { itMatchesRow, outcomesOf, tokenRule } from "./authorization-matrix/callers";
export type { MatrixEntry, Outcome } from "./authorization-matrix/callers";

/**
 * Every procedure of the app router, what each kind of caller gets, and an
 * input that must be refused. The matrix test fails when a procedure is missing.
 */
export const authorizationMatrix: Record<string, MatrixEntry> = {
  ...hubsRows,
  ...sitesRows,
  ...instanceAuditFeaturesRows,
  ...configRows,
  ...ticketsRows,
  ...chatsRows,
  ...identityRows,
  ...qrLoginRows,
  ...adminRows,
};
