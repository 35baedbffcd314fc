import { type Database } from "@guildhall/db";
import type { Principal } from "../access";
import { recordAudit } from "../access";
import { AppError } from "../errors";
import { getUserById } from "../users";
import { checkTotpCode, hasRecentMfa, markMfaVerified } from "./mfa";
import { replaceRecoveryCodes } from "./recovery-codes";
import type { ClientInfo } from "./sessions";

/**
 * New recovery codes for an account with MFA on, shown once; the old ones stop
 * working in the same commit. Proof of the second factor now: a current TOTP
 * code (recovery codes do not renew themselves), or, without a code, an MFA
 * check of this session within RECENT_MFA_MINUTES.
 */
export async function regenerateRecoveryCodes(
  db: Database,
  principal: Principal,
  code: string | undefined,
  meta: ClientInfo & { requestId?: string } = {},
): Promise<{ recoveryCodes: string[] }> {
  return db.transaction(async (tx) => {
    const user = await getUserById(tx, principal.userId);
    if (!user) throw new AppError("USER_NOT_FOUND");
    if (!user.mfaEnabledAt) throw new AppError("MFA_NOT_ENABLED");
    if (code !== undefined) {
      if (!(await checkTotpCode(tx, user.id, code)))
        throw new AppError(
          "INVALID_MFA_CODE",
          {},
          { fieldErrors: { code: ["errors.invalidMfaCode"] } },
        );
      if (principal.sessionId) await markMfaVerified(tx, principal.sessionId);
    } else if (!hasRecentMfa(principal)) {
      throw new AppError("MFA_REQUIRED");
    }
    const recoveryCodes = await replaceRecoveryCodes(tx, user.id);
    await recordAudit(tx, {
      hubId: null,
      actorId: user.id,
      action: "mfa.regenerateRecoveryCodes",
      targetType: "user",
      targetId: user.id,
      ip: meta.ip,
      requestId: meta.requestId,
    });
    return { recoveryCodes };
  });
}
