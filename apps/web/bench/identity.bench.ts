/**
 * Identity benchmarks (issue 3):
 *  1. A login storm (argon2id) must not starve other requests: the p99 of a
 *     trivial authed query (auth.verify) during the storm <= 2x its p99 alone.
 *  2. The rate limiter costs <= 1 ms at p50 and keeps >= 0.9x throughput on a
 *     trivial query: on one server, calls from a whitelisted address (no
 *     limiter work) vs calls from another address that the limiter counts
 *     against a quota it never reaches, interleaved. (The address is the
 *     X-Forwarded-For the bench sends; Next keeps it when present.)
 */
import {
  measure,
  printTable,
  ratio,
  saveResult,
  startBenchServer,
  summarize,
  type Sample,
} from "./lib";

const rounds = Number(process.argv[2] ?? 3);
const seconds = Number(process.argv[3] ?? 5);

async function signIn(url: string): Promise<string> {
  const body = {
    username: "benchuser",
    email: "bench@example.test",
    password: "bench passphrase long",
  };
  const post = (path: string, data: unknown) =>
    fetch(`${url}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(data),
    });
  await post("/api/v1/auth/register", body);
  const login = (await (
    await post("/api/v1/auth/login", { login: body.username, password: body.password })
  ).json()) as { accessToken: string };
  return login.accessToken;
}

// 10.0.0.1 is whitelisted (no limiter work; the storm really runs argon2);
// 10.0.0.2 is counted against a global quota it never reaches.
const open = await startBenchServer(3311, {
  RATE_LIMIT_WHITELIST: "10.0.0.1",
  RATE_LIMIT_GLOBAL: "1000000000/60",
});
try {
  const token = await signIn(open.url);
  const verify = (ip: string) => ({
    url: `${open.url}/api/trpc/auth.verify`,
    connections: 4,
    seconds,
    headers: { authorization: `Bearer ${token}`, "x-forwarded-for": ip },
  });
  const storm = {
    url: `${open.url}/api/v1/auth/login`,
    connections: 16,
    seconds,
    method: "POST" as const,
    headers: { "content-type": "application/json", "x-forwarded-for": "10.0.0.1" },
    body: JSON.stringify({ login: "benchuser", password: "bench passphrase long" }),
  };
  await measure({ ...verify("10.0.0.1"), seconds: 2 });
  await measure({ ...verify("10.0.0.2"), seconds: 2 });

  const alone: Sample[] = [];
  const during: Sample[] = [];
  const stormSamples: Sample[] = [];
  const withLimiter: Sample[] = [];
  const withoutLimiter: Sample[] = [];
  for (let round = 0; round < rounds; round++) {
    alone.push(await measure(verify("10.0.0.1")));
    const [stormResult, duringResult] = await Promise.all([
      measure(storm),
      measure(verify("10.0.0.1")),
    ]);
    stormSamples.push(stormResult);
    during.push(duringResult);
    if (round % 2) {
      withLimiter.push(await measure(verify("10.0.0.2")));
      withoutLimiter.push(await measure(verify("10.0.0.1")));
    } else {
      withoutLimiter.push(await measure(verify("10.0.0.1")));
      withLimiter.push(await measure(verify("10.0.0.2")));
    }
  }
  const rows = {
    "verify alone": summarize(alone),
    "verify during login storm": summarize(during),
    "login storm (argon2id)": summarize(stormSamples),
    "verify, no limiter": summarize(withoutLimiter),
    "verify, limiter counting": summarize(withLimiter),
  };
  console.log(`\nIdentity benchmark: ${rounds} rounds x ${seconds} s\n`);
  printTable(rows);
  const stormP99 = ratio(rows["verify during login storm"].p99, rows["verify alone"].p99);
  const limiterRps = ratio(rows["verify, limiter counting"].rps, rows["verify, no limiter"].rps);
  const limiterP50Ms =
    Math.round((rows["verify, limiter counting"].p50 - rows["verify, no limiter"].p50) * 100) / 100;
  console.log(`\nverify p99 during storm / alone: ${stormP99}x (target <= 2)`);
  console.log(
    `limiter: ${limiterRps}x throughput (target >= 0.9), +${limiterP50Ms} ms at p50 (target <= 1)`,
  );
  const clean = Object.values(rows).every((r) => r.errors === 0);
  const pass = clean && stormP99 <= 2 && limiterRps >= 0.9 && limiterP50Ms <= 1;
  console.log(pass ? "targets met" : "TARGETS MISSED");
  saveResult("identity", { rounds, seconds, rows, stormP99, limiterRps, limiterP50Ms, pass });
  process.exitCode = pass ? 0 : 1;
} finally {
  await open.stop();
}
