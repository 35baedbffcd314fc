import { getEnv } from "@guildhall/core/env";
import { AppError } from "@guildhall/core/errors";
import { getLogger } from "@guildhall/core/logger";
import { processWide } from "@guildhall/process-wide";
import { Redis } from "ioredis";
import { randomBytes } from "node:crypto";
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from "rate-limiter-flexible";
import type { Context } from "../context";

export interface RateLimitRule {
  /** Bucket name, answered in X-RateLimit-Bucket. */
  name: string;
  points: number;
  durationSeconds: number;
  /** What one caller is: the IP, the IP plus the account named in the input (login), or the user. */
  by: "ip" | "ip+login" | "user";
}

/** Super admins get this many times the global quota. */
const SUPER_ADMIN_MULTIPLIER = 10;

/**
 * Process-wide state: Next bundles the start-up hook and the routes
 * separately, and all must share one Redis connection and one set of counts.
 */
const state = processWide(
  "rateLimits",
  (): {
    redis?: Redis | null;
    limiters: Map<string, RateLimiterAbstract>;
    /** Set anew by resetRateLimiters (tests), so counts kept in Redis start afresh too. */
    generation?: string;
  } => ({ limiters: new Map() }),
);
const { limiters } = state;

function redisClient(): Redis | null {
  if (state.redis !== undefined) return state.redis;
  const url = getEnv().REDIS_URL;
  if (!url) return (state.redis = null);
  // Auto-pipelining sends the counts of concurrent requests in one write (fewer syscalls per request).
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    enableAutoPipelining: true,
  });
  // With Redis down the limiters fall back to their in-memory insurance (per instance).
  let warned = false;
  redis.on("error", (error: Error) => {
    if (!warned)
      getLogger().warn({ err: error.message }, "redis unavailable: rate limits are per instance");
    warned = true;
  });
  redis.on("ready", () => (warned = false));
  return (state.redis = redis);
}

/**
 * One limiter per bucket: in Redis when REDIS_URL is set (shared by every
 * instance, with an in-memory insurance limiter used while Redis is down),
 * otherwise in memory.
 */
export function limiterFor(
  name: string,
  points: number,
  durationSeconds: number,
): RateLimiterAbstract {
  const key = `${name}:${points}:${durationSeconds}`;
  let limiter = limiters.get(key);
  if (limiter) return limiter;
  const generation = state.generation;
  const prefix = generation ? `gh-rl:${generation}:${name}` : `gh-rl:${name}`;
  const options = { points, duration: durationSeconds, keyPrefix: prefix };
  const client = redisClient();
  limiter = client
    ? new RateLimiterRedis({
        ...options,
        storeClient: client,
        insuranceLimiter: new RateLimiterMemory(options),
      })
    : new RateLimiterMemory(options);
  limiters.set(key, limiter);
  return limiter;
}

function setHeaders(headers: Headers, bucket: string, limit: number, res: RateLimiterRes) {
  const resetAfter = Math.max(0, res.msBeforeNext / 1000);
  headers.set("X-RateLimit-Limit", String(limit));
  headers.set("X-RateLimit-Remaining", String(Math.max(0, res.remainingPoints)));
  headers.set("X-RateLimit-Reset", String(Math.ceil((Date.now() + res.msBeforeNext) / 1000)));
  headers.set("X-RateLimit-Reset-After", resetAfter.toFixed(3));
  headers.set("X-RateLimit-Bucket", bucket);
}

/**
 * Whether a limiter refused (rejected with its RateLimiterRes). Not only
 * `instanceof`: the limiters are shared by every bundle of the process
 * (`processWide`), and a limiter made by another bundle rejects with that
 * bundle's copy of the class.
 */
function isRefusal(error: unknown): error is RateLimiterRes {
  return (
    error instanceof RateLimiterRes ||
    (typeof error === "object" &&
      error !== null &&
      "msBeforeNext" in error &&
      "remainingPoints" in error &&
      !(error instanceof Error))
  );
}

/** Takes one point; on refusal throws RATE_LIMITED. `headers` (when given) receive the X-RateLimit-* answer. */
export async function consume(
  headers: Headers | null,
  bucket: string,
  limiter: RateLimiterAbstract,
  limit: number,
  key: string,
  global: boolean,
) {
  try {
    const res = await limiter.consume(key, 1);
    if (headers) setHeaders(headers, bucket, limit, res);
  } catch (error) {
    if (!isRefusal(error)) throw error;
    const retryAfter = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
    if (headers) {
      setHeaders(headers, bucket, limit, error);
      headers.set("Retry-After", String(retryAfter));
    }
    throw new AppError(
      "RATE_LIMITED",
      { seconds: retryAfter },
      { details: { retry_after: retryAfter, global } },
    );
  }
}

function identity(ctx: Context): string {
  return ctx.principal ? `u:${ctx.principal.userId}` : `ip:${ctx.ip ?? "unknown"}`;
}

/** The global bucket: every call of every procedure, per user (else per IP). */
export async function enforceGlobalLimit(ctx: Context): Promise<void> {
  const env = getEnv();
  if (whitelisted(ctx.ip)) return;
  const [points, seconds] = env.RATE_LIMIT_GLOBAL.split("/").map(Number) as [number, number];
  const limit = ctx.principal?.superAdmin ? points * SUPER_ADMIN_MULTIPLIER : points;
  await consume(
    ctx.resHeaders,
    "global",
    limiterFor("global", limit, seconds),
    limit,
    identity(ctx),
    true,
  );
}

/** The login bucket's key: the address and the login as typed (trimmed, lower-cased). */
export function loginKey(ip: string | null, login: string): string {
  return `ip:${ip ?? "unknown"}:${login.trim().toLowerCase()}`;
}

export function whitelisted(ip: string | null): boolean {
  return ip !== null && getEnv().RATE_LIMIT_WHITELIST.includes(ip);
}

/** A procedure's own bucket (login, register, ...). */
export async function enforceRule(
  ctx: Context,
  rule: RateLimitRule,
  rawInput: unknown,
): Promise<void> {
  if (whitelisted(ctx.ip)) return;
  let key: string;
  if (rule.by === "user") key = identity(ctx);
  else if (rule.by === "ip") key = `ip:${ctx.ip ?? "unknown"}`;
  else {
    const login =
      rawInput && typeof rawInput === "object" && "login" in rawInput ? String(rawInput.login) : "";
    key = loginKey(ctx.ip, login);
  }
  await consume(
    ctx.resHeaders,
    rule.name,
    limiterFor(rule.name, rule.points, rule.durationSeconds),
    rule.points,
    key,
    false,
  );
}

/**
 * The quota of the caller's highest role in the hub of the request
 * (RATE_LIMIT_ROLE_QUOTAS, e.g. guests 24 a day), counted per user and hub.
 * Super admins and whitelisted addresses have none.
 */
export async function enforceRoleQuota(
  ctx: Context,
  hubId: string,
  roleKey: string | null,
): Promise<void> {
  if (!ctx.principal || ctx.principal.superAdmin || whitelisted(ctx.ip) || !roleKey) return;
  const quota = getEnv().RATE_LIMIT_ROLE_QUOTAS[roleKey];
  if (!quota) return;
  const bucket = `role-${roleKey}`;
  await consume(
    ctx.resHeaders,
    bucket,
    limiterFor(bucket, quota.points, quota.seconds),
    quota.points,
    `u:${ctx.principal.userId}:h:${hubId}`,
    false,
  );
}

/**
 * Connects to Redis at start-up (when configured), so the first requests are
 * counted in Redis rather than by the insurance limiter while it connects.
 * Never fails start-up: with Redis down the limits hold per instance.
 */
export async function prepareRateLimits(timeoutMs = 3000): Promise<void> {
  const client = redisClient();
  if (!client || client.status === "ready") return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, timeoutMs);
    client.once("ready", () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Tests: drop every limiter and count afresh (in Redis too, on a new connection). */
export async function resetRateLimiters(): Promise<void> {
  limiters.clear();
  // Random, not counted: test files run in parallel processes against one Redis, and
  // earlier runs' counts may still be there.
  state.generation = randomBytes(6).toString("hex");
  const redis = state.redis;
  state.redis = undefined;
  if (redis) await redis.quit().catch(() => undefined);
  // Connected (again, or for the first time in this process) before the next call: counts
  // taken while connecting would go to the in-memory insurance limiter and split a test's
  // bucket in two.
  await prepareRateLimits(10_000);
}

/**
 * A request answered before any procedure ran (malformed JSON, unknown path,
 * wrong method, unsupported media type, body too large) still costs one point
 * of the caller's global bucket: the routes call this once per answer, and it
 * counts only when no procedure did (no X-RateLimit-* header yet). Answers
 * RATE_LIMITED when the bucket is empty (the route answers 429 instead).
 */
export async function countBeforeProcedure(ctx: Context): Promise<AppError | null> {
  if (ctx.resHeaders.has("x-ratelimit-bucket")) return null;
  try {
    await enforceGlobalLimit(ctx);
    return null;
  } catch (error) {
    if (error instanceof AppError && error.code === "RATE_LIMITED") return error;
    throw error;
  }
}
