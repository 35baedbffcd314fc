import { z } from "zod";
import { mfaRule } from "../../middleware/sign-in-limits";

export const mfaCode = z.string().trim().min(6).max(20);
/**
 * Code attempts per user: brute force of 6 digits is hopeless at 5 a minute.
 * Wrong codes at sign-in's second step spend the same budget (mfaAttemptBudget).
 */
export const mfaRateLimit = mfaRule;
