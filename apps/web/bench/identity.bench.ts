/**
 * Identity benchmarks (issue 3):
 *  1. A login storm (argon2id) must not starve other requests: the p99 of a
 *     trivial authed query (auth.verify) during the storm <= 2x its p99 alone.
 *  2. The rate limiter costs <= 1 ms at p50 and keeps >= 0.9x throughput on a
 *     trivial query: on one server, calls from a whitelisted address (no
 *     limiter work) vs calls from another address that the limiter counts
 *     against a quota it never reaches, interleaved. (The address is the
 *     X-Forwarded-For the bench sends; Next keeps it when present.) Measured
 *     twice: the in-memory limiter, and the Redis one (a second server with
 *     REDIS_URL: this process's, else 127.0.0.1:6379).
 * Sanity checks abort the run when the whitelisted address is counted, the
 * counted one is not (X-RateLimit-Remaining must fall from call to call), or
 * the Redis server's counts are not in Redis.
 */
import { getEnv } from "@guildhall/core/env";
import { Redis } from "ioredis";
import {
  concludeBench,
  measure,
  printTable,
  ratio,
  reducedBy,
  sanityCheck,
  startBenchServer,
  summarize,
  type Sample,
} from "./lib";

const rounds = Number(process.argv[2] ?? 3);
const seconds = Number(process.argv[3] ?? 5);
// The servers get a minimal environment: the Redis one is given this URL explicitly.
const redisUrl = getEnv().REDIS_URL ?? "redis://127.0.0.1:6379";
const PASSWORD = "bench passphrase long";
// 10.0.0.1 is whitelisted (no limiter work; the storm really runs argon2);
// 10.0.0.2 is counted against a global quota it never reaches.
const FREE = "10.0.0.1";
const COUNTED = "10.0.0.2";
const limits = { RATE_LIMIT_WHITELIST: FREE, RATE_LIMIT_GLOBAL: "1000000000/60" };

async function signIn(url: string): Promise<{ token: string; userId: string }> {
  const body = { username: "benchuser", email: "bench@example.test", password: PASSWORD };
  const post = (path: string, data: unknown) =>
    fetch(`${url}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": FREE },
      body: JSON.stringify(data),
    });
  await post("/api/v1/auth/register", body);
  const login = (await (
    await post("/api/v1/auth/login", { login: body.username, password: body.password })
  ).json()) as { accessToken: string; user?: { id: string } };
  sanityCheck("identity", login.accessToken, "sign-in gave no access token");
  const me = (await (
    await fetch(`${url}/api/trpc/auth.verify`, {
      headers: { authorization: `Bearer ${login.accessToken}`, "x-forwarded-for": FREE },
    })
  ).json()) as { result?: { data?: { json?: { userId?: string } } } };
  return { token: login.accessToken, userId: me.result?.data?.json?.userId ?? "" };
}

const verifyLoad = (url: string, token: string, ip: string) => ({
  url: `${url}/api/trpc/auth.verify`,
  connections: 4,
  seconds,
  headers: { authorization: `Bearer ${token}`, "x-forwarded-for": ip },
});

/** The X-RateLimit-Remaining of one auth.verify call from `ip` (null: not counted). */
async function remaining(url: string, token: string, ip: string): Promise<number | null> {
  const response = await fetch(`${url}/api/trpc/auth.verify`, {
    headers: { authorization: `Bearer ${token}`, "x-forwarded-for": ip },
  });
  sanityCheck("identity", response.ok, `auth.verify from ${ip} answered ${response.status}`);
  const header = response.headers.get("x-ratelimit-remaining");
  return header === null ? null : Number(header);
}

/** Aborts unless the whitelisted address is not counted and the counted one is, call by call. */
async function checkLimiterCounts(url: string, token: string, label: string) {
  sanityCheck(
    "identity",
    (await remaining(url, token, FREE)) === null,
    `${label}: the whitelisted address is counted`,
  );
  const first = await remaining(url, token, COUNTED);
  const second = await remaining(url, token, COUNTED);
  sanityCheck(
    "identity",
    first !== null && second !== null && second < first,
    `${label}: the counted address is not counted (X-RateLimit-Remaining ${first} then ${second})`,
  );
}

/** Whitelisted vs counted calls on one server, alternated every round. */
async function limiterCost(url: string, token: string) {
  await measure({ ...verifyLoad(url, token, FREE), seconds: 2 });
  await measure({ ...verifyLoad(url, token, COUNTED), seconds: 2 });
  const without: Sample[] = [];
  const counted: Sample[] = [];
  for (let round = 0; round < rounds; round++) {
    if (round % 2) {
      counted.push(await measure(verifyLoad(url, token, COUNTED)));
      without.push(await measure(verifyLoad(url, token, FREE)));
    } else {
      without.push(await measure(verifyLoad(url, token, FREE)));
      counted.push(await measure(verifyLoad(url, token, COUNTED)));
    }
  }
  return { without: summarize(without), counted: summarize(counted) };
}

const costOf = (cost: { without: Sample; counted: Sample }) => ({
  rps: ratio(cost.counted.rps, cost.without.rps),
  p50Ms: Math.round((cost.counted.p50 - cost.without.p50) * 100) / 100,
});

// --- 1. login storm and the in-memory limiter --------------------------------------
const open = await startBenchServer(3311, limits);
let storm: { alone: Sample; during: Sample; storm: Sample };
let memory: Awaited<ReturnType<typeof limiterCost>>;
try {
  const { token } = await signIn(open.url);
  await checkLimiterCounts(open.url, token, "in-memory limiter");
  const loginStorm = {
    url: `${open.url}/api/v1/auth/login`,
    connections: 16,
    seconds,
    method: "POST" as const,
    headers: { "content-type": "application/json", "x-forwarded-for": FREE },
    body: JSON.stringify({ login: "benchuser", password: PASSWORD }),
  };
  await measure({ ...verifyLoad(open.url, token, FREE), seconds: 2 });
  const alone: Sample[] = [];
  const during: Sample[] = [];
  const stormSamples: Sample[] = [];
  for (let round = 0; round < rounds; round++) {
    alone.push(await measure(verifyLoad(open.url, token, FREE)));
    const [stormResult, duringResult] = await Promise.all([
      measure(loginStorm),
      measure(verifyLoad(open.url, token, FREE)),
    ]);
    stormSamples.push(stormResult);
    during.push(duringResult);
  }
  storm = { alone: summarize(alone), during: summarize(during), storm: summarize(stormSamples) };
  memory = await limiterCost(open.url, token);
} finally {
  await open.stop();
}

// --- 2. the Redis limiter, on its own server ---------------------------------------
const withRedis = await startBenchServer(3312, { ...limits, REDIS_URL: redisUrl });
const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
let redisCost: Awaited<ReturnType<typeof limiterCost>>;
try {
  const { token, userId } = await signIn(withRedis.url);
  await checkLimiterCounts(withRedis.url, token, "Redis limiter");
  // The counts are in Redis, not in the in-memory insurance limiter (used while Redis is down).
  const key = `gh-rl:global:u:${userId}`;
  const before = Number(await redis.get(key));
  await remaining(withRedis.url, token, COUNTED);
  const after = Number(await redis.get(key));
  sanityCheck(
    "identity",
    userId && after === before + 1,
    `Redis limiter: ${key} went from ${before} to ${after}, not up by one`,
  );
  redisCost = await limiterCost(withRedis.url, token);
} finally {
  redis.disconnect();
  await withRedis.stop();
}

const rows = {
  "verify alone": storm.alone,
  "verify during login storm": storm.during,
  "login storm (argon2id)": storm.storm,
  "verify, no limiter": memory.without,
  "verify, memory limiter": memory.counted,
  "verify, no limiter (Redis)": redisCost.without,
  "verify, Redis limiter": redisCost.counted,
};
console.log(`\nIdentity benchmark: ${rounds} rounds x ${seconds} s\n`);
printTable(rows);
const stormP99 = ratio(storm.during.p99, storm.alone.p99);
const memoryCost = costOf(memory);
const redisLimiterCost = costOf(redisCost);
const errors = Object.entries(rows)
  // The storm's sign-ins are all correct ones: any non-2xx there is an error too.
  .reduce((n, [, row]) => n + row.errors, 0);
concludeBench(
  "identity",
  [
    { name: "errors (non-2xx)", value: errors, atMost: 0 },
    { name: "verify p99 during storm / alone", value: stormP99, atMost: 2, unit: "x" },
    { name: "memory limiter throughput", value: memoryCost.rps, atLeast: 0.9, unit: "x" },
    { name: "memory limiter p50 added", value: memoryCost.p50Ms, atMost: 1, unit: " ms" },
    { name: "Redis limiter throughput", value: redisLimiterCost.rps, atLeast: 0.9, unit: "x" },
    { name: "Redis limiter p50 added", value: redisLimiterCost.p50Ms, atMost: 1, unit: " ms" },
  ],
  { rounds, seconds, rows, stormP99, memoryLimiter: memoryCost, redisLimiter: redisLimiterCost },
  { reduced: reducedBy({ rounds: [rounds, 3], seconds: [seconds, 5] }) },
);
