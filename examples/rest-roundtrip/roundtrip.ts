/**
 * A ticket round trip over REST with nothing but a client generated from
 * the served OpenAPI document (openapi-typescript types + openapi-fetch):
 * register, sign in, create a hub, open a ticket, claim it with a body-less
 * POST, watch it live over `/api/v1/sse/tickets.watch` while a message is
 * posted, then close it.
 *
 *   GUILDHALL_URL=http://127.0.0.1:3000 pnpm --filter @guildhall/examples rest-roundtrip
 *
 * Creating a hub needs `HUB_CREATION=everyone` on the server.
 */
import createClient from "openapi-fetch";
import type { paths } from "./api";

/** What the round trip saw, for whoever runs it (the test checks it). */
export interface RoundTrip {
  hubSlug: string;
  ticketId: string;
  claimedBy: string | null;
  /** `data.type` of each frame read from the live stream, in order. */
  events: string[];
  finalStatus: string;
}

/** Reads Server-Sent-Events frames from `body`, calling `onFrame` with each `data:` until it returns true. */
async function readFrames(
  body: ReadableStream<Uint8Array>,
  onFrame: (data: { type?: string }) => boolean | Promise<boolean>,
): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = frame
          .split("\n")
          .filter((line) => line.startsWith("data: "))
          .map((line) => line.slice("data: ".length))
          .join("\n");
        if (data && (await onFrame(JSON.parse(data) as { type?: string }))) return;
      }
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

function fail(step: string, error: unknown, response: Response): never {
  throw new Error(`${step}: ${response.status} ${JSON.stringify(error)}`);
}

export async function roundTrip(
  url: string,
  log: (line: string) => void = () => {},
): Promise<RoundTrip> {
  const api = createClient<paths>({ baseUrl: `${url}/api/v1` });
  const suffix = Math.random().toString(36).slice(2, 8);
  const username = `rt_${suffix}`;
  const password = `round-trip-${suffix}-pass`;

  const registered = await api.POST("/auth/register", {
    body: { username, email: `${username}@example.test`, password },
  });
  if (!registered.data) fail("register", registered.error, registered.response);
  log(`registered ${username}`);

  const login = await api.POST("/auth/login", { body: { login: username, password } });
  if (!login.data) fail("login", login.error, login.response);
  if (login.data.mfaRequired) throw new Error("login: MFA is on for a new account");
  const headers = { Authorization: `Bearer ${login.data.accessToken}` };
  log(`signed in, session ${login.data.sessionId}`);

  const hubSlug = `rt-${suffix}`;
  const hub = await api.POST("/hubs", {
    headers,
    body: { slug: hubSlug, name: `Round trip ${suffix}` },
  });
  if (!hub.data) fail("create hub", hub.error, hub.response);
  log(`created hub ${hubSlug}`);

  const opened = await api.POST("/hubs/{hubSlug}/tickets", {
    headers,
    params: { path: { hubSlug } },
    body: {
      subject: "Round trip",
      description: "Opened by a generated REST client.",
      category: "Support",
    },
  });
  if (!opened.data) fail("open ticket", opened.error, opened.response);
  const ticketId = opened.data.id;
  log(`opened ticket #${opened.data.number}`);

  // Body-less: the document declares no request body for claim.
  const claimed = await api.POST("/hubs/{hubSlug}/tickets/{ticketId}/claim", {
    headers,
    params: { path: { hubSlug, ticketId } },
  });
  if (!claimed.data) fail("claim", claimed.error, claimed.response);
  log(`claimed by ${claimed.data.assigneeId}`);

  const live = await api.GET("/sse/tickets.watch", {
    headers: { ...headers, Accept: "text/event-stream" },
    params: { query: { hubSlug, ticketId } },
    parseAs: "stream",
  });
  if (!live.data) fail("watch", live.error, live.response);
  const events: string[] = [];
  await readFrames(live.data, async (frame) => {
    events.push(frame.type ?? "?");
    if (frame.type === "ready") {
      const sent = await api.POST("/hubs/{hubSlug}/tickets/{ticketId}/messages", {
        headers,
        params: { path: { hubSlug, ticketId } },
        body: { body: "Hello from the round trip" },
      });
      if (!sent.data) fail("send message", sent.error, sent.response);
    }
    return frame.type === "message.created";
  });
  log(`live: ${events.join(", ")}`);

  const closed = await api.POST("/hubs/{hubSlug}/tickets/{ticketId}/close", {
    headers,
    params: { path: { hubSlug, ticketId } },
    body: {},
  });
  if (!closed.data) fail("close", closed.error, closed.response);
  log(`closed: ${closed.data.status}`);
  return {
    hubSlug,
    ticketId,
    claimedBy: claimed.data.assigneeId,
    events,
    finalStatus: closed.data.status,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // eslint-disable-next-line no-restricted-properties -- an example program, not the server
  const url = process.env.GUILDHALL_URL ?? "http://localhost:3000";
  await roundTrip(url, console.log);
}
