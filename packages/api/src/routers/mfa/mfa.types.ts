import { z } from "zod";

export const mfaCode = z.string().trim().min(6).max(20);
/** Code attempts per user: brute force of 6 digits is hopeless at 5 a minute. */
export const mfaRateLimit = { name: "mfa", points: 5, durationSeconds: 60, by: "user" } as const;
