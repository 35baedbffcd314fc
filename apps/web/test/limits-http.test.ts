import { signAccessToken } from "@guildhall/auth";
import { tinyPng } from "@guildhall/core/testing";
import { readFileSync } from "node:fs";
import { request as httpRequest, type IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { signUpOverRest } from "./support/http-session";
import { useServer } from "./support/server";
import { knownSigningKey } from "./support/signing-key";

const AUTH_SECRET = "limits-test-secret-0123456789abcdef-0123456789";
const PER_USER = 3;
const PER_ADDRESS = 2;
const MB = 1024 * 1024;

/** Signs tokens as the server does (short-lived ones for the expiry test). */
const key = knownSigningKey(AUTH_SECRET);
const server = useServer(
  {
    AUTH_SECRET,
    STREAMS_PER_USER: String(PER_USER),
    STREAMS_PER_ADDRESS: String(PER_ADDRESS),
    // Sign-ups and sign-ins of this file are not what it tests.
    RATE_LIMIT_WHITELIST: "127.0.0.1",
  },
  { prepare: key.prepare },
);

const json = { "content-type": "application/json" };

function signUp(username: string): Promise<string> {
  return signUpOverRest(server.url, username, "limits passphrase long");
}

async function openStreams(): Promise<number> {
  const health = (await (await fetch(`${server.url}/api/health`)).json()) as {
    streams: { open: number };
  };
  return health.streams.open;
}

/** Waits until the server counts `count` open streams (a closed socket is noticed asynchronously). */
async function untilOpenStreams(count: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  while ((await openStreams()) !== count) {
    if (Date.now() > deadline) throw new Error(`open streams never reached ${count}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** The server process's resident memory in bytes (Linux). */
function serverRss(): number {
  const status = readFileSync(`/proc/${server.pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) * 1024;
}

/** A POST whose body is streamed in 64 KB chunks and never finished; resolves with the answer. */
function endlessUpload(path: string): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, server.url);
    let sent = 0;
    const req = httpRequest(url, { method: "POST", headers: json });
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const pump = () => {
      // Up to 4 MB, then wait: the answer must come without the body ever ending.
      while (sent < 4 * MB && !req.destroyed) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
    };
    req.on("response", (res: IncomingMessage) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (part: string) => (text += part));
      res.on("end", () => {
        req.destroy();
        resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as unknown });
      });
    });
    req.on("error", reject);
    req.write("[");
    pump();
  });
}

describe("request body limits", () => {
  it("answers a 10 MB body with a Content-Length 413 PAYLOAD_TOO_LARGE on REST and tRPC, unauthenticated", async () => {
    const body = "x".repeat(10 * MB);
    const rest = await fetch(`${server.url}/api/v1/auth/login`, {
      method: "POST",
      headers: { ...json, "accept-language": "de" },
      body,
    });
    expect(rest.status).toBe(413);
    expect(await rest.json()).toEqual({
      code: "PAYLOAD_TOO_LARGE",
      message: "Die Anfrage ist zu groß.",
      fieldErrors: {},
      // Traceable like every answer (issue 15): the id of the header.
      requestId: rest.headers.get("x-request-id"),
      limit: MB,
    });
    expect(rest.headers.get("x-request-id")).toEqual(expect.any(String));

    const trpc = await fetch(`${server.url}/api/trpc/auth.login,auth.register?batch=1`, {
      method: "POST",
      headers: json,
      body,
    });
    expect(trpc.status).toBe(413);
    const calls = (await trpc.json()) as {
      error: { json: { code: number; data: Record<string, unknown> } };
    }[];
    expect(calls).toHaveLength(2);
    expect(calls.map((call) => call.error.json.data.code)).toEqual([
      "PAYLOAD_TOO_LARGE",
      "PAYLOAD_TOO_LARGE",
    ]);
    expect(calls[0]!.error.json.code).toBe(-32013);
    expect(calls[1]!.error.json.data).toMatchObject({
      message: "The request is too large.",
      fieldErrors: {},
      httpStatus: 413,
      path: "auth.register",
      details: { limit: MB },
    });
    expect(calls[1]!.error.json.data.requestId).toEqual(expect.any(String));
  });

  it("keeps the server's memory flat under a 100 MB body", async () => {
    const before = serverRss();
    const answer = await fetch(`${server.url}/api/v1/auth/login`, {
      method: "POST",
      headers: json,
      body: Buffer.alloc(100 * MB, 0x20),
    });
    expect(answer.status).toBe(413);
    await answer.body?.cancel();
    // Reading it (the old behaviour) grew the server by about 240 MB.
    expect(serverRss() - before).toBeLessThan(40 * MB);
  });

  it("answers a chunked body without Content-Length as soon as it passes the limit, before it ends", async () => {
    for (const path of ["/api/v1/auth/login", "/api/trpc/auth.login"]) {
      const answer = await endlessUpload(path);
      expect(answer.status).toBe(413);
      const code = path.startsWith("/api/v1")
        ? (answer.body as { code: string }).code
        : (answer.body as { error: { json: { data: { code: string } } } }).error.json.data.code;
      expect(code).toBe("PAYLOAD_TOO_LARGE");
    }
  });

  it("takes an upload just under its own limit, while the same body elsewhere is too large", async () => {
    const token = await signUp("bodylimits");
    // A real PNG header and 2,000,000 bytes in all: 2.7 MB as base64, above BODY_LIMIT_BYTES.
    const png = Buffer.concat([tinyPng(3, 2), Buffer.alloc(2_000_000 - tinyPng(3, 2).length)]);
    const body = JSON.stringify({ image: png.toString("base64") });
    expect(body.length).toBeGreaterThan(2.5 * MB);
    const auth = { ...json, authorization: `Bearer ${token}` };

    const avatar = await fetch(`${server.url}/api/v1/me/avatar`, {
      method: "POST",
      headers: auth,
      body,
    });
    expect(avatar.status).toBe(200);
    expect(((await avatar.json()) as { type: string }).type).toBe("image/png");

    const viaTrpc = await fetch(`${server.url}/api/trpc/users.setAvatar`, {
      method: "POST",
      headers: auth,
      body: JSON.stringify({ json: { image: png.toString("base64") } }),
    });
    expect(viaTrpc.status).toBe(200);

    // A batch may carry as much as its most generous procedure.
    const batch = await fetch(`${server.url}/api/trpc/users.setAvatar,auth.login?batch=1`, {
      method: "POST",
      headers: auth,
      body: JSON.stringify({ 0: { json: { image: png.toString("base64") } }, 1: { json: {} } }),
    });
    expect(batch.status).toBe(207);
    const [stored, login] = (await batch.json()) as [
      { result: { data: { json: { type: string } } } },
      { error: { json: { data: { code: string } } } },
    ];
    expect(stored.result.data.json.type).toBe("image/png");
    expect(login.error.json.data.code).toBe("VALIDATION_FAILED");

    const profile = await fetch(`${server.url}/api/v1/me`, {
      method: "PATCH",
      headers: auth,
      body,
    });
    expect(profile.status).toBe(413);
    expect(((await profile.json()) as { code: string }).code).toBe("PAYLOAD_TOO_LARGE");
  });
});

const watchHealth = "system.watchHealth";
const sseUrl = () => `${server.url}/api/v1/sse/${watchHealth}?intervalSeconds=60`;
const trpcUrl = () =>
  `${server.url}/api/trpc/${watchHealth}?input=${encodeURIComponent(JSON.stringify({ json: { intervalSeconds: 60 } }))}`;

/** A full value frame (either transport) or tRPC's error event. */
const FIRST_EVENT = /(^|\n\n)(id: [^\n]*\n)?data: [^\n]*\n|event: serialized-error\ndata: [^\n]*\n/;

/** Opens a stream and reads until its first event (the health snapshot, or an error). */
async function openStream(url: string, headers: Record<string, string> = {}) {
  const ac = new AbortController();
  const response = await fetch(url, { headers, signal: ac.signal });
  const close = () => ac.abort();
  if (!response.headers.get("content-type")?.startsWith("text/event-stream"))
    return { response, text: await response.text(), rest: () => Promise.resolve(""), close };
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let text = "";
  while (!FIRST_EVENT.test(text)) {
    const chunk = await reader.read();
    if (chunk.done) break;
    text += chunk.value;
  }
  /** Reads on until the stream ends; everything it sent. */
  const rest = async () => {
    for (;;) {
      const chunk = await reader.read();
      if (chunk.done) return text;
      text += chunk.value;
    }
  };
  return { response, text, rest, close };
}

/** The error data of tRPC's `serialized-error` event in `text`. */
function trpcStreamError(text: string): Record<string, unknown> {
  const data = /event: serialized-error\ndata: (.*)\n/.exec(text)?.[1];
  if (!data) throw new Error(`no serialized-error in ${text}`);
  return (JSON.parse(data) as { json: { data: Record<string, unknown> } }).json.data;
}

function errorCode(text: string): unknown {
  return (JSON.parse(text) as { code?: unknown }).code;
}

describe("stream limits", () => {
  it("caps one user's open streams over both transports, counts them in health and takes a new one after a close", async () => {
    const token = await signUp("streamer");
    const auth = { authorization: `Bearer ${token}` };
    const before = await openStreams();
    const streams = [
      await openStream(sseUrl(), auth),
      await openStream(trpcUrl(), auth),
      await openStream(sseUrl(), auth),
    ];
    expect(streams.map((s) => s.response.status)).toEqual([200, 200, 200]);
    expect(await openStreams()).toBe(before + PER_USER);

    const sse = await openStream(sseUrl(), auth);
    expect(sse.response.status).toBe(429);
    expect(JSON.parse(sse.text)).toMatchObject({ code: "TOO_MANY_STREAMS", limit: PER_USER });
    // tRPC answers every refusal of a subscription inside its event stream.
    const trpc = await openStream(trpcUrl(), auth);
    expect(trpc.response.status).toBe(200);
    expect(trpcStreamError(trpc.text)).toMatchObject({
      code: "TOO_MANY_STREAMS",
      httpStatus: 429,
      details: { limit: PER_USER },
    });
    // Another user is not affected.
    const other = await openStream(sseUrl(), {
      authorization: `Bearer ${await signUp("streamer2")}`,
    });
    expect(other.response.status).toBe(200);
    other.close();

    streams[1]!.close();
    await untilOpenStreams(before + PER_USER - 1);
    const again = await openStream(trpcUrl(), auth);
    expect(again.response.status).toBe(200);
    expect(await openStreams()).toBe(before + PER_USER);

    for (const stream of [streams[0]!, streams[2]!, again]) stream.close();
    await untilOpenStreams(before);
  });

  it("caps anonymous streams per address, QR sign-in watches included", async () => {
    const created = await fetch(`${server.url}/api/v1/auth/qr`, { method: "POST", headers: json });
    expect(created.status).toBe(200);
    const { requestId, secret } = (await created.json()) as { requestId: string; secret: string };
    const qrWatch = `${server.url}/api/v1/sse/qrLogin.watch?requestId=${requestId}&secret=${encodeURIComponent(secret)}`;
    const before = await openStreams();

    const qr = await openStream(qrWatch);
    const health = await openStream(trpcUrl());
    expect([qr.response.status, health.response.status]).toEqual([200, 200]);
    const refused = await openStream(sseUrl());
    expect(refused.response.status).toBe(429);
    expect(errorCode(refused.text)).toBe("TOO_MANY_STREAMS");
    expect(trpcStreamError((await openStream(trpcUrl())).text)).toMatchObject({
      code: "TOO_MANY_STREAMS",
      httpStatus: 429,
      details: { limit: PER_ADDRESS },
    });

    qr.close();
    await untilOpenStreams(before + PER_ADDRESS - 1);
    const accepted = await openStream(sseUrl());
    expect(accepted.response.status).toBe(200);
    health.close();
    accepted.close();
    await untilOpenStreams(before);
  });

  it("ends a stream when its access token expires (TOKEN_EXPIRED), over both transports", async () => {
    const token = await signUp("expiring");
    const claims = JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString()) as {
      sub: string;
      sid: string;
    };
    // The same session, in a token that expires in 3 seconds.
    const short = await signAccessToken(claims, key.signer, 3);
    const auth = { authorization: `Bearer ${short}` };
    const before = await openStreams();
    const sse = await openStream(sseUrl(), auth);
    const trpc = await openStream(trpcUrl(), auth);
    expect([sse.response.status, trpc.response.status]).toEqual([200, 200]);

    const sseText = await sse.rest();
    const failure = /event: failure\ndata: (.*)\n/.exec(sseText);
    expect(JSON.parse(failure![1]!)).toMatchObject({ code: "TOKEN_EXPIRED" });
    expect(sseText).not.toContain("event: end");

    expect(trpcStreamError(await trpc.rest())).toMatchObject({
      code: "TOKEN_EXPIRED",
      httpStatus: 401,
    });
    await untilOpenStreams(before);

    // Reconnecting with a fresh token works.
    const fresh = await openStream(sseUrl(), { authorization: `Bearer ${token}` });
    expect(fresh.response.status).toBe(200);
    fresh.close();
  });
});
