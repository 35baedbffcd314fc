import { AppError } from "@guildhall/core/errors";
import { type MfaAttemptBudget } from "@guildhall/core/identity";
import { limiterFor, whitelisted, type RateLimitRule } from "./rate-limit";

/** The sign-in bucket: 3 tries a minute per address and login (auth.login and the dashboard's browser.signIn). */
export const loginRule: RateLimitRule = {
  name: "login",
  points: 3,
  durationSeconds: 60,
  by: "ip+login",
};

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
