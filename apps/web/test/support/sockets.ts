import WebSocket from "ws";

/** A raw WebSocket for tests: frames queued as parsed JSON, awaited one at a time. */
export interface TestSocket {
  ws: WebSocket;
  send(frame: unknown): void;
  /** The next frame (parsed JSON) that `match` accepts; frames it skips are dropped. */
  next(match?: (frame: Record<string, unknown>) => boolean): Promise<Record<string, unknown>>;
  /** Resolves with the close code and reason. */
  closed: Promise<{ code: number; reason: string }>;
  close(): void;
}

/** Opens a socket to `url` (http(s) → ws(s)) and waits until it is open. */
export async function openSocket(
  url: string,
  headers: Record<string, string> = {},
): Promise<TestSocket> {
  const ws = new WebSocket(url.replace(/^http/, "ws"), { headers });
  const queue: Record<string, unknown>[] = [];
  let wake: (() => void) | null = null;
  ws.on("message", (data) => {
    const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(new Uint8Array(data));
    queue.push(JSON.parse(bytes.toString("utf8")) as Record<string, unknown>);
    wake?.();
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.once("close", (code, reason) => {
      resolve({ code, reason: reason.toString() });
      wake?.();
    }),
  );
  await new Promise<void>((resolve, reject) => {
    ws.once("open", () => resolve());
    ws.once("error", reject);
    ws.once("unexpected-response", (_req, res) =>
      reject(new Error(`upgrade refused: ${res.statusCode}`)),
    );
  });
  const next = async (match: (frame: Record<string, unknown>) => boolean = () => true) => {
    for (;;) {
      const at = queue.findIndex(match);
      if (at >= 0) return queue.splice(at, 1)[0]!;
      if (ws.readyState === WebSocket.CLOSED) throw new Error("socket closed while waiting");
      await new Promise<void>((resolve) => (wake = resolve));
    }
  };
  return {
    ws,
    send: (frame) => ws.send(typeof frame === "string" ? frame : JSON.stringify(frame)),
    next,
    closed,
    close: () => ws.close(),
  };
}

/** Signs in over REST; the access and refresh tokens. */
export async function signInOverRest(base: string, login: string, password: string) {
  const response = await fetch(`${base}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ login, password }),
  });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status}`);
  return (await response.json()) as { accessToken: string; refreshToken: string };
}

/** A REST call with a bearer token; status and JSON body. */
export async function restCall(
  base: string,
  path: string,
  init: { method?: string; body?: unknown; token?: string },
) {
  const response = await fetch(`${base}/api/v1${path}`, {
    method: init.method ?? "POST",
    headers: {
      "content-type": "application/json",
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** A new ticket in the demo hub (REST); its id. */
export async function newTicket(base: string, token: string, subject: string): Promise<string> {
  const created = await restCall(base, "/hubs/demo/tickets", {
    token,
    body: { subject, description: "Opened by a socket test.", category: "Support" },
  });
  if (created.status !== 200) throw new Error(`ticket not created: ${created.status}`);
  return created.body.id as string;
}

/** What a `tickets.watch` subscription of the typed client has seen so far. */
export interface TicketWatch {
  /** Resolves once the stream said "ready". */
  ready: Promise<void>;
  /** The message previews, in the order they arrived. */
  previews: string[];
  /** Resolves once `count` previews arrived. */
  until(count: number): Promise<void>;
  unsubscribe(): void;
}

/** The subscribe function of a typed client's `tickets.watch` (any transport). */
type WatchSubscribe = (
  input: { hubSlug: string; ticketId: string },
  handlers: { onData: (item: unknown) => void },
) => { unsubscribe(): void };

/** Watches a demo-hub ticket through the typed client, collecting message previews. */
export function watchTicket(subscribe: WatchSubscribe, ticketId: string): TicketWatch {
  const previews: string[] = [];
  let isReady!: () => void;
  const ready = new Promise<void>((resolve) => (isReady = resolve));
  let got: (() => void) | null = null;
  const subscription = subscribe(
    { hubSlug: "demo", ticketId },
    {
      onData: (item) => {
        // Tracked events come as { id, data }; the untracked "ready" as itself.
        const value = typeof item === "object" && item && "data" in item ? item.data : item;
        const event = ticketEvent(value);
        if (event.type === "ready") isReady();
        if (event.type === "message.created") previews.push(event.preview);
        got?.();
      },
    },
  );
  return {
    ready,
    previews,
    async until(count) {
      while (previews.length < count) await new Promise<void>((resolve) => (got = resolve));
    },
    unsubscribe: () => subscription.unsubscribe(),
  };
}

/** A ticket stream's event as its type and (for messages) the message preview. */
export function ticketEvent(value: unknown): { type: string; preview: string } {
  const event = value as { type?: unknown; payload?: { preview?: unknown } };
  const preview = event.payload?.preview;
  return {
    type: typeof event.type === "string" ? event.type : "",
    preview: typeof preview === "string" ? preview : "",
  };
}
