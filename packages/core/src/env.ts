import { isIP } from "node:net";
import { z } from "zod";
import { processWide } from "@guildhall/process-wide";

/**
 * Every setting Guildhall reads, validated once. This is the only file that
 * touches process.env; README.md documents each variable.
 */
const commaList = z
  .string()
  .optional()
  .transform((v) =>
    (v ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
  );

const proxyKeywords: ReadonlySet<string> = new Set(["loopback", "linklocal", "uniquelocal"]);

/** One TRUSTED_PROXIES entry: an address, address/prefix, or a proxy-addr keyword. */
function isProxyEntry(entry: string): boolean {
  if (proxyKeywords.has(entry)) return true;
  const [address = "", prefix, ...rest] = entry.split("/");
  const family = isIP(address);
  if (!family || rest.length) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d{1,3}$/.test(prefix) && bits <= (family === 4 ? 32 : 128);
}

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Set by CI runners (`.ci/run` sets it): tests that need a service fail instead of skipping. */
  CI: z
    .string()
    .optional()
    .transform((v) => v === "true" || v === "1"),
  /** postgres://… for a Postgres server; unset for embedded PGlite; "memory:" for throwaway runs. */
  DATABASE_URL: z
    .string()
    .optional()
    .refine((v) => !v || v === "memory:" || /^postgres(ql)?:\/\//.test(v), {
      message: 'must be a postgres:// URL or "memory:"',
    }),
  /** Folder of the embedded database when DATABASE_URL is unset (relative to the working directory). */
  PGLITE_DATA_DIR: z.string().default("./.data/pglite"),
  /** redis://… to share rate limits across instances; unset keeps them in memory. */
  REDIS_URL: z.string().url().optional(),
  /**
   * Public base URL of the app (the address users type), for links in mail and
   * OAuth callbacks; unset: http://localhost:3000 there, and the request's own
   * origin where there is a request (QR approve links). Read it through `publicUrl()`.
   */
  PUBLIC_URL: z.string().url().optional(),
  /** Port of the server (`pnpm serve`, `pnpm dev`). */
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Address the server listens on; unset: every interface. */
  HOST: z.string().min(1).max(255).optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Usernames that act as super admins across every hub (nobody else may modify them). */
  SUPER_ADMINS: commaList,
  /** Secret for signing sessions and tokens (required in production from the identity issue on). */
  AUTH_SECRET: z.string().min(32).optional(),
  /** Lifetime of access tokens (JWT) in seconds. */
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(86_400).default(900),
  /** Days a signing key signs access tokens before a new one takes over (its public key stays published until its tokens expire). */
  SIGNING_KEY_ROTATION_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  /** Lifetime of refresh tokens and of a session without use, in days. */
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  /** Global rate limit per identity (user, else IP): "points/seconds". */
  RATE_LIMIT_GLOBAL: z
    .string()
    .regex(/^\d+\/\d+$/)
    .default("300/60"),
  /** IPs never rate limited (comma-separated). */
  RATE_LIMIT_WHITELIST: commaList,
  /**
   * Quotas by hub role, on hub procedures: "role=points/seconds" pairs, e.g.
   * "guest=24/86400,member=3000/60" (seed 001: guests 24 a day). The caller's
   * highest role in the hub of the request decides; unlisted roles have none.
   */
  RATE_LIMIT_ROLE_QUOTAS: z
    .string()
    .default("guest=24/86400")
    .transform((value, ctx) => {
      const quotas: Record<string, { points: number; seconds: number }> = {};
      for (const pair of value
        .split(",")
        .map((p) => p.trim())
        .filter(Boolean)) {
        const match = /^([a-z0-9-]+)=(\d+)\/(\d+)$/.exec(pair);
        if (!match) {
          ctx.addIssue({ code: "custom", message: `expected role=points/seconds, got "${pair}"` });
          return z.NEVER;
        }
        quotas[match[1]!] = { points: Number(match[2]), seconds: Number(match[3]) };
      }
      return quotas;
    }),

  /**
   * Reverse proxies in front of the app whose X-Forwarded-For (and -Host,
   * -Proto) is believed: addresses, CIDRs (10.0.0.0/8) or the keywords
   * loopback, linklocal and uniquelocal. Empty (the default): no proxy is
   * trusted and the client is the socket's peer.
   */
  TRUSTED_PROXIES: commaList.superRefine((entries, ctx) => {
    for (const entry of entries)
      if (!isProxyEntry(entry))
        ctx.addIssue({
          code: "custom",
          message: `"${entry}" is not an IP address, a CIDR or one of loopback, linklocal, uniquelocal (a number of hops is no longer accepted: list the proxies' addresses)`,
        });
  }),
  /** smtp://user:pass@host:587 (or smtps://) to send mail; unset keeps mail in the dev mailbox. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//)
    .optional(),
  /** Folder for uploaded files (avatars) when no S3 bucket is configured. */
  UPLOAD_DIR: z.string().default("./.data/uploads"),
  /** S3-compatible storage for uploads: endpoint URL (unset = AWS), bucket, region and keys. */
  S3_ENDPOINT: z.string().url().optional(),
  S3_BUCKET: z.string().optional(),
  S3_REGION: z.string().default("us-east-1"),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  /** Who may create hubs: instance administrators (SUPER_ADMINS) or every signed-in user. */
  HUB_CREATION: z.enum(["admins", "everyone"]).default("admins"),
  /** Seconds a new action socket (/api/ws/actions) has to send its auth message before it is closed (4408). */
  WS_AUTH_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).default(10),
  /** How often live subscriptions re-check the subscriber's access (session, membership, object). */
  REALTIME_RECHECK_SECONDS: z.coerce.number().int().min(1).max(300).default(5),
  /** Largest request body by default (bytes); uploads declare their own limit (README). */
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(100 * 1024 * 1024)
    .default(1024 * 1024),
  /** Open streams (subscriptions over either transport) one signed-in user may hold, per process. */
  STREAMS_PER_USER: z.coerce.number().int().min(1).max(10_000).default(16),
  /** Open streams one anonymous address (`ctx.ip`) may hold, per process. */
  STREAMS_PER_ADDRESS: z.coerce.number().int().min(1).max(10_000).default(8),
  /** How often each process checks its streams' heads, catching events whose notification was lost. */
  REALTIME_POLL_SECONDS: z.coerce.number().min(0.1).max(60).default(2),
  /** Hours stored realtime events stay resumable before the scheduler deletes them. */
  REALTIME_EVENT_RETENTION_HOURS: z.coerce.number().int().min(1).max(8760).default(72),
  /** How long a QR sign-in request (the code a browser shows) waits to be scanned and approved. */
  QR_LOGIN_TTL_SECONDS: z.coerce.number().int().min(10).max(900).default(120),
  /** Discord sign-in: enabled when both are set; the API base is configurable for stand-ins. */
  DISCORD_CLIENT_ID: z.string().min(1).optional(),
  DISCORD_CLIENT_SECRET: z.string().min(1).optional(),
  DISCORD_API_URL: z.string().url().default("https://discord.com/api"),
  /** Yandex sign-in: enabled when both are set. */
  YANDEX_CLIENT_ID: z.string().min(1).optional(),
  YANDEX_CLIENT_SECRET: z.string().min(1).optional(),
  YANDEX_OAUTH_URL: z.string().url().default("https://oauth.yandex.ru"),
  YANDEX_LOGIN_URL: z.string().url().default("https://login.yandex.ru"),
  /** Steam sign-in (OpenID 2.0): enabled when the Web API key (for the profile) is set. */
  STEAM_API_KEY: z.string().min(1).optional(),
  STEAM_OPENID_URL: z.string().url().default("https://steamcommunity.com/openid/login"),
  STEAM_API_URL: z.string().url().default("https://api.steampowered.com"),
  /** Sender of Guildhall's mail. */
  MAIL_FROM: z.string().default("Guildhall <no-reply@guildhall.local>"),
  /** Seed: the demo hub and admin created on first start of an empty database. */
  SEED_DEMO: z
    .enum(["true", "false"])
    .default("true")
    .transform((v) => v === "true"),
  SEED_ADMIN_USERNAME: z.string().min(4).max(20).default("admin"),
  SEED_ADMIN_EMAIL: z.string().email().default("admin@guildhall.local"),
  /** Seed admin password; a random one is generated and printed once when unset. */
  SEED_ADMIN_PASSWORD: z.string().min(8).optional(),
  SEED_HUB_SLUG: z.string().default("demo"),
  /** Tests only: seed of the HTTP fuzz test (apps/web/test/fuzz-http.test.ts), to reproduce a run. */
  FUZZ_SEED: z.coerce.number().int().default(20_261_202),
  /** Tests only: cases per procedure and transport in the HTTP fuzz test. */
  FUZZ_RUNS: z.coerce.number().int().min(1).max(100_000).default(200),
});

export type Env = z.infer<typeof envSchema>;

/** Parsed once per process (every bundle reads the same settings). */
const parsed = () => processWide("env", () => ({ env: undefined as Env | undefined }));

/** Parses process.env once; throws a readable list of every bad setting. */
export function getEnv(): Env {
  const cached = parsed();
  if (cached.env) return cached.env;
  // eslint-disable-next-line no-restricted-properties -- the one place settings are read
  const result = envSchema.safeParse(process.env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid settings:\n${lines.join("\n")}`);
  }
  cached.env = result.data;
  return cached.env;
}

/**
 * The base URL links point at, without a trailing slash: PUBLIC_URL when set,
 * else the origin of the request being answered (when known), else
 * http://localhost:3000.
 */
export function publicUrl(requestOrigin?: string | null): string {
  return (getEnv().PUBLIC_URL ?? requestOrigin ?? "http://localhost:3000").replace(/\/$/, "");
}
