import { describe, expect, it } from "vitest";
import { ADMIN_PASSWORD, useServer } from "./support/server";

const server = useServer();

interface Frame {
  event: string | null;
  id: string | null;
  data: string | null;
  comment: boolean;
}

/** Reads a text/event-stream body frame by frame (raw, so ids and comments can be checked). */
function frames(response: Response) {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  const next = async (): Promise<Frame | null> => {
    for (;;) {
      const end = buffer.indexOf("\n\n");
      if (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const frame: Frame = { event: null, id: null, data: null, comment: false };
        for (const line of block.split("\n")) {
          if (line.startsWith(":")) frame.comment = true;
          else if (line.startsWith("event: ")) frame.event = line.slice(7);
          else if (line.startsWith("id: ")) frame.id = line.slice(4);
          else if (line.startsWith("data: ")) frame.data = line.slice(6);
        }
        return frame;
      }
      const chunk = await reader.read();
      if (chunk.done) return null;
      buffer += chunk.value;
    }
  };
  return Object.assign(next, { close: () => reader.cancel() });
}

/** The next frame that carries data (skipping the opening and ping comments). */
async function nextData(next: () => Promise<Frame | null>) {
  for (;;) {
    const frame = await next();
    if (!frame || !frame.comment) return frame;
  }
}

async function rest(path: string, init: { method?: string; body?: unknown; token?: string }) {
  const response = await fetch(`${server.url}/api/v1${path}`, {
    method: init.method ?? "POST",
    headers: {
      "content-type": "application/json",
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe("plain SSE URL of subscriptions (/api/v1/sse/<procedure>)", () => {
  it("streams a ticket as plain JSON frames with ids, resumes from Last-Event-ID and ends when the ticket is deleted", async () => {
    const login = await rest("/auth/login", {
      body: { login: "admin", password: ADMIN_PASSWORD },
    });
    const token = login.body.accessToken as string;
    const ticket = await rest("/hubs/demo/tickets", {
      token,
      body: { subject: "Live over SSE", description: "Plain SSE consumers.", category: "Support" },
    });
    const ticketId = ticket.body.id as string;
    const url = `${server.url}/api/v1/sse/tickets.watch?hubSlug=demo&ticketId=${ticketId}`;
    const auth = { authorization: `Bearer ${token}` };

    const response = await fetch(url, { headers: auth });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(response.headers.get("x-ratelimit-bucket")).toBe("global");
    const next = frames(response);
    expect(await next()).toMatchObject({ comment: true });
    expect(await nextData(next)).toMatchObject({ id: null, data: '{"type":"ready","payload":{}}' });

    for (const body of ["first", "second", "third"])
      expect(
        (await rest(`/hubs/demo/tickets/${ticketId}/messages`, { token, body: { body } })).status,
      ).toBe(200);
    const received: { id: string | null; type: string; preview: string }[] = [];
    while (received.length < 3) {
      const frame = (await nextData(next))!;
      const event = JSON.parse(frame.data!) as { type: string; payload: { preview?: string } };
      if (event.type === "message.created")
        received.push({ id: frame.id, type: event.type, preview: event.payload.preview! });
    }
    expect(received.map((r) => r.preview)).toEqual(["first", "second", "third"]);
    const ids = received.map((r) => Number(r.id));
    expect(ids.every((id, i) => i === 0 || id > ids[i - 1]!)).toBe(true);

    // A reconnecting EventSource sends Last-Event-ID: it gets what came after, once each.
    const resumed = await fetch(url, { headers: { ...auth, "last-event-id": String(ids[0]) } });
    const again = frames(resumed);
    const previews: string[] = [];
    while (previews.length < 2) {
      const event = JSON.parse((await nextData(again))!.data!) as {
        type: string;
        payload: { preview?: string };
      };
      if (event.type === "message.created") previews.push(event.payload.preview!);
    }
    expect(previews).toEqual(["second", "third"]);
    await again.close();

    // Deleting the ticket ends the stream with `event: end` (the client must not reconnect).
    expect((await rest(`/hubs/demo/tickets/${ticketId}`, { method: "DELETE", token })).status).toBe(
      200,
    );
    let frame = await nextData(next);
    const seen: string[] = [];
    while (frame && frame.event !== "end") {
      seen.push((JSON.parse(frame.data!) as { type: string }).type);
      frame = await nextData(next);
    }
    expect(seen).toContain("ticket.deleted");
    expect(frame).toMatchObject({ event: "end", data: "{}" });
    expect(await next()).toBeNull();
  });

  it("refuses before streaming with the REST error shape: sign-in, input, unknown or non-subscription path", async () => {
    const ticketUrl = `${server.url}/api/v1/sse/tickets.watch?hubSlug=demo&ticketId=${crypto.randomUUID()}`;
    const anonymous = await fetch(ticketUrl, { headers: { "accept-language": "de" } });
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({
      code: "UNAUTHENTICATED",
      message: expect.any(String),
      requestId: expect.any(String),
    });

    const login = await rest("/auth/login", { body: { login: "admin", password: ADMIN_PASSWORD } });
    const auth = { authorization: `Bearer ${login.body.accessToken as string}` };
    const invalid = await fetch(
      `${server.url}/api/v1/sse/tickets.watch?hubSlug=demo&ticketId=nope`,
      {
        headers: auth,
      },
    );
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({
      code: "VALIDATION_FAILED",
      fieldErrors: { ticketId: [expect.any(String)] },
    });
    const missingTicket = await fetch(ticketUrl, { headers: auth });
    expect(missingTicket.status).toBe(404);
    expect(await missingTicket.json()).toMatchObject({ code: "NOT_FOUND" });

    for (const path of ["tickets.nothing", "hubs.get"]) {
      const response = await fetch(`${server.url}/api/v1/sse/${path}?hubSlug=demo`, {
        headers: auth,
      });
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ code: "NOT_FOUND" });
    }
  });

  it("serves public subscriptions too, with tracked ids", async () => {
    const response = await fetch(
      `${server.url}/api/v1/sse/system.watchHealth?intervalSeconds=1&lastEventId=41`,
    );
    const next = frames(response);
    const first = (await nextData(next))!;
    expect(first.id).toBe("42");
    expect(JSON.parse(first.data!)).toMatchObject({ status: "ok" });
    await next.close();
  });
});
