import { AppError } from "@guildhall/core/errors";
import { type MfaAttemptBudget } from "@guildhall/core/identity";
import { consume, limiterFor, loginKey, whitelisted, type RateLimitRule } from "./rate-limit";

/** Sign-ins outside tRPC (the dashboard's next-auth route) use the same login bucket. */
export const loginRule: RateLimitRule = {
  name: "login",
  points: 3,
  durationSeconds: 60,
  by: "ip+login",
};

export async function consumeLoginAttempt(ip: string | null, login: string): Promise<void> {
  if (whitelisted(ip)) return;
  const limiter = limiterFor(loginRule.name, loginRule.points, loginRule.durationSeconds);
  await consume(null, loginRule.name, limiter, loginRule.points, loginKey(ip, login), false);
}

/**
 * MFA code attempts per account: mfa.enable, disable, verify and
 * regenerateRecoveryCodes take one per call (keyed by the signed-in user).
 */
export const mfaRule: RateLimitRule = { name: "mfa", points: 5, durationSeconds: 60, by: "user" };

/**
 * The same per-account budget for sign-in's second step, where the ticket names
 * the account: refused while it is spent, and each wrong code takes one.
 */
export function mfaAttemptBudget(ip: string | null): MfaAttemptBudget {
  const limiter = () => limiterFor(mfaRule.name, mfaRule.points, mfaRule.durationSeconds);
  return {
    async check(userId) {
      if (whitelisted(ip)) return;
      const res = await limiter().get(`u:${userId}`);
      if (!res || res.consumedPoints < mfaRule.points) return;
      const retryAfter = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
      throw new AppError(
        "RATE_LIMITED",
        { seconds: retryAfter },
        { details: { retry_after: retryAfter, global: false } },
      );
    },
    async spend(userId) {
      if (whitelisted(ip)) return;
      await limiter().penalty(`u:${userId}`, 1);
    },
  };
}
