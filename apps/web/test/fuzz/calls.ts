import superjson from "superjson";
import { asParsed, RawJson, toJson } from "./hostile";

/** One request the fuzzer sent and what came back. */
export interface Exchange {
  method: string;
  url: string;
  body?: string;
  status: number;
  /** The error's `code` (ours), when the answer is an error with our shape. */
  code: string | null;
  /** What is wrong with the answer itself (shape, status), if anything. */
  problem: string | null;
  /** The request went to another route than the target's (empty path parameter): no schema check. */
  routeChanged?: boolean;
  /** The error's request id, to find the server's log lines. */
  requestId: string | null;
  /** The input as the procedure received it (parsed back), for the schema check. */
  received: unknown;
}

/** Node's limit on the request line and headers: past it, it answers 431 and closes the socket. */
const NODE_MAX_HEADER_BYTES = 16 * 1024;
/** An answer must come within this long; a request still unanswered then is a finding. */
const ANSWER_WITHIN_MS = 30_000;

/**
 * `fetch` with a deadline. A URL past Node's header limit is answered 431
 * and the socket closed, which a client still writing may see as a failed
 * fetch: that is the platform's refusal (431), not ours to judge.
 */
async function send(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, {
      ...init,
      signal: init.signal ?? AbortSignal.timeout(ANSWER_WITHIN_MS),
    });
  } catch (error) {
    if ((error as Error).name === "TimeoutError")
      throw new Error(
        `no answer within ${ANSWER_WITHIN_MS / 1000} s: ${init.method ?? "GET"} ${url.slice(0, 300)}`,
      );
    if (url.length > NODE_MAX_HEADER_BYTES) return new Response(null, { status: 431 });
    throw error;
  }
}

/** Statuses Node's HTTP parser answers before our code runs (no JSON body). */
const platformStatuses = new Set([413, 414, 431]);

interface ErrorShape {
  requestId?: unknown;
  code?: unknown;
  message?: unknown;
  fieldErrors?: unknown;
}

function shapeProblem(body: ErrorShape | undefined): string | null {
  if (!body || typeof body !== "object") return "error body is not an object";
  if (typeof body.code !== "string") return "error body has no string `code`";
  if (typeof body.message !== "string") return "error body has no string `message`";
  if (!body.fieldErrors || typeof body.fieldErrors !== "object")
    return "error body has no `fieldErrors` object";
  return null;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Status and body checks shared by every transport: no 5xx, no INTERNAL, our error shape. */
async function judge(
  response: Response,
  errorOf: (body: unknown) => ErrorShape | undefined,
): Promise<Verdict> {
  if (response.ok) {
    await response.body?.cancel();
    return { code: null, problem: null, requestId: null };
  }
  const json = response.headers.get("content-type")?.includes("json");
  if (platformStatuses.has(response.status) && !json) {
    await response.body?.cancel();
    return { code: null, problem: null, requestId: null };
  }
  const error = errorOf(await readJson(response));
  const code = typeof error?.code === "string" ? error.code : null;
  const problem =
    response.status >= 500
      ? `status ${response.status}`
      : code === "INTERNAL"
        ? "code INTERNAL"
        : shapeProblem(error);
  const requestId = typeof error?.requestId === "string" ? error.requestId : null;
  return { code, problem, requestId };
}

type Verdict = Pick<Exchange, "code" | "problem" | "requestId">;

export interface Caller {
  base: string;
  token: string | null;
}

function headersFor(caller: Caller, json: boolean): Record<string, string> {
  const headers: Record<string, string> = {};
  if (caller.token) headers.authorization = `Bearer ${caller.token}`;
  if (json) headers["content-type"] = "application/json";
  return headers;
}

/**
 * `{"json": …, "meta": …}` as superjson writes it (dates of valid inputs);
 * inputs superjson refuses to write (`__proto__`, `constructor` keys) go as
 * plain JSON, which is what a hostile client sends anyway.
 */
function trpcEnvelope(input: unknown): string {
  try {
    const { json, meta } = superjson.serialize(input);
    return toJson(meta ? { json, meta } : { json });
  } catch {
    return toJson({ json: input });
  }
}

/** tRPC over HTTP: GET `?input=` for queries, POST for mutations, superjson envelopes. */
export async function callTrpc(
  caller: Caller,
  path: string,
  type: "query" | "mutation",
  input: unknown,
): Promise<Exchange> {
  const envelope = trpcEnvelope(input);
  const parsed = JSON.parse(envelope) as { json: unknown; meta?: unknown };
  const received = parsed.meta ? superjson.deserialize(parsed as never) : parsed.json;
  const method = type === "query" ? "GET" : "POST";
  const url =
    type === "query"
      ? `/api/trpc/${path}?input=${encodeURIComponent(envelope)}`
      : `/api/trpc/${path}`;
  const body = type === "mutation" ? envelope : undefined;
  const response = await send(`${caller.base}${url}`, {
    method,
    headers: headersFor(caller, body !== undefined),
    body,
  });
  const verdict = await judge(response, (b) => {
    const data = (b as { error?: { json?: { data?: ErrorShape } } } | undefined)?.error?.json?.data;
    return data;
  });
  return { method, url, body, status: response.status, received, ...verdict };
}

/** A query-string value: arrays repeat the key, objects are written as JSON. */
function queryValues(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap((v) => queryValues(v));
  if (value instanceof RawJson) return [value.text];
  if (value instanceof Date) return [value.toISOString()];
  if (value !== null && typeof value === "object") return [toJson(value)];
  return [String(value)];
}

/** Percent-encodes a string as bytes, lone surrogates too (as WTF-8, which no decoder accepts). */
function encodeSegment(text: string): string {
  let out = "";
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code >= 0xd800 && code <= 0xdfff)
      out += [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join("");
    else out += encodeURIComponent(char);
  }
  return out;
}

/**
 * REST (`/api/v1`) as the OpenAPI document describes it: `{param}` from the
 * input, the rest as the query (GET, DELETE) or the JSON body (others).
 * `received` is the input as trpc-to-openapi builds it: query strings (one
 * value or a list) or the parsed body, spread into an object, with the path
 * parameters over it.
 */
export async function callRest(
  caller: Caller,
  method: string,
  template: string,
  input: unknown,
): Promise<Exchange> {
  const isRecord = input !== null && typeof input === "object" && !Array.isArray(input);
  const rest: Record<string, unknown> = isRecord ? { ...(input as Record<string, unknown>) } : {};
  const params: Record<string, string> = {};
  let routeChanged = false;
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const [value = ""] = queryValues(rest[name] ?? "");
    delete rest[name];
    params[name] = value;
    // An empty segment (or a slash in one) addresses another route.
    if (value === "" || value === "." || value === "..") routeChanged = true;
    return encodeSegment(value);
  });
  const withBody = method !== "GET" && method !== "DELETE";
  let url = `/api/v1${path}`;
  let body: string | undefined;
  let received: unknown;
  if (withBody) {
    // A non-object input goes as the whole body. The adapter spreads whatever
    // it parsed into an object (`[null,null]` becomes `{"0":null,"1":null}`);
    // the check sees the body as sent, since a non-object is no valid input.
    body = toJson(isRecord ? rest : input);
    const parsed = asParsed(isRecord ? rest : input);
    const plain = parsed !== null && typeof parsed === "object" && !Array.isArray(parsed);
    received = plain ? { ...parsed, ...params } : parsed;
  } else {
    const query = new URLSearchParams();
    const seen: Record<string, string | string[]> = {};
    for (const [key, value] of Object.entries(rest)) {
      if (value === undefined) continue;
      const values = queryValues(value);
      for (const v of values) query.append(key, v);
      // The adapter unwraps lists of one.
      if (values.length) seen[key] = values.length === 1 ? values[0]! : values;
    }
    if (query.size) url += `?${query}`;
    received = { ...seen, ...params };
  }
  const response = await send(`${caller.base}${url}`, {
    method,
    headers: headersFor(caller, withBody),
    body,
  });
  const verdict = await judge(response, (b) => b as ErrorShape | undefined);
  return { method, url, body, status: response.status, received, routeChanged, ...verdict };
}

/**
 * A subscription over `/api/v1/sse/<path>`: reads the first chunk (the open
 * frame) or the error answer, then closes. Query values are flat strings.
 */
export async function callSse(caller: Caller, path: string, input: unknown): Promise<Exchange> {
  const isRecord = input !== null && typeof input === "object" && !Array.isArray(input);
  const query = new URLSearchParams();
  const received: Record<string, string> = {};
  if (isRecord)
    for (const [key, value] of Object.entries(input as Record<string, unknown>)) {
      if (value === undefined) continue;
      for (const v of queryValues(value)) {
        query.append(key, v);
        received[key] = v;
      }
    }
  const url = `/api/v1/sse/${path}${query.size ? `?${query}` : ""}`;
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), 10_000);
  try {
    const response = await send(`${caller.base}${url}`, {
      headers: headersFor(caller, false),
      signal: abort.signal,
    });
    let verdict: Verdict;
    if (response.ok) {
      const reader = response.body!.getReader();
      const first = await reader.read();
      const text = new TextDecoder().decode(first.value);
      const internal = text.includes("event: failure") && text.includes('"INTERNAL"');
      verdict = {
        code: null,
        problem: internal ? "failure frame INTERNAL" : null,
        requestId: null,
      };
      await reader.cancel();
    } else verdict = await judge(response, (b) => b as ErrorShape | undefined);
    return { method: "GET", url, status: response.status, received, ...verdict };
  } finally {
    clearTimeout(timer);
    abort.abort();
  }
}
