import { describe, expect, it } from "vitest";
import { HttpSession } from "./support/http-session";
import { ADMIN_PASSWORD, useServer } from "./support/server";
import { restCall } from "./support/sockets";

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

const rest = (path: string, init: Parameters<typeof restCall>[2]) =>
  restCall(server.url, path, init);

let adminLogin: Promise<string> | undefined;
/** The admin's access token, signed in once for the file (sign-ins are rate limited). */
function adminToken(): Promise<string> {
  adminLogin ??= rest("/auth/login", { body: { login: "admin", password: ADMIN_PASSWORD } }).then(
    (login) => login.body.accessToken as string,
  );
  return adminLogin;
}

describe("plain SSE URL of subscriptions (/api/v1/sse/<procedure>)", () => {
  it("streams a ticket as plain JSON frames with ids, resumes from Last-Event-ID and ends when the ticket is deleted", async () => {
    const token = await adminToken();
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
    expect(ids).toHaveLength(3);
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

    const auth = { authorization: `Bearer ${await adminToken()}` };
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
    expect(await missingTicket.json()).toMatchObject({ code: "TICKET_NOT_FOUND" });

    for (const path of ["tickets.nothing", "hubs.get"]) {
      const response = await fetch(`${server.url}/api/v1/sse/${path}?hubSlug=demo`, {
        headers: auth,
      });
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ code: "NOT_FOUND" });
    }

    // A stream is opened with GET only.
    const posted = await fetch(ticketUrl, { method: "POST", headers: auth });
    expect(posted.status).toBe(405);
    expect(posted.headers.get("allow")).toBe("GET");
    expect(await posted.json()).toMatchObject({ message: expect.any(String) });
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

  it("takes the dashboard's sign-in cookie as a browser's EventSource sends it, and refuses it once signed out", async () => {
    const browser = new HttpSession(server.url);
    expect(await browser.signIn("admin", ADMIN_PASSWORD)).toBe(302);
    const cookie = [...browser.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
    expect(cookie).toContain("authjs.session-token=");
    const path = "/api/v1/sse/tickets.watchInbox?hubSlug=demo";

    const response = await browser.fetch(path);
    expect(response.status).toBe(200);
    const next = frames(response);
    expect(await nextData(next)).toMatchObject({ data: '{"type":"ready","payload":{}}' });
    await next.close();

    // Without the cookie (and without a token) the stream is refused, without cookies of its own.
    const anonymous = await fetch(`${server.url}${path}`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.getSetCookie()).toEqual([]);
    expect(await anonymous.json()).toMatchObject({ code: "UNAUTHENTICATED" });

    // Signing out revokes the session: the old cookie no longer opens a stream.
    expect(await browser.signOut()).toBe(302);
    const revoked = await fetch(`${server.url}${path}`, { headers: { cookie } });
    expect(revoked.status).toBe(401);
    await revoked.body?.cancel();
  });

  it("releases a subscription when its client disconnects: the others see the viewer leave", async () => {
    const token = await adminToken();
    expect(
      (await rest("/hubs/demo/settings", { method: "PATCH", token, body: { joinPolicy: "open" } }))
        .status,
    ).toBe(200);
    const member = { username: "sseviewer", email: "sse-viewer@example.test" };
    const password = "an sse viewer passphrase";
    expect((await rest("/auth/register", { body: { ...member, password } })).status).toBe(200);
    const memberToken = (await rest("/auth/login", { body: { login: member.username, password } }))
      .body.accessToken as string;
    expect((await rest("/hubs/demo/join", { token: memberToken, body: {} })).status).toBe(200);
    const ticket = await rest("/hubs/demo/tickets", {
      token: memberToken,
      body: { subject: "Who is here", description: "Viewers come and go.", category: "Support" },
    });
    const url = `${server.url}/api/v1/sse/tickets.watch?hubSlug=demo&ticketId=${String(ticket.body.id)}`;

    const staff = frames(await fetch(url, { headers: { authorization: `Bearer ${token}` } }));
    expect(await nextData(staff)).toMatchObject({ data: '{"type":"ready","payload":{}}' });
    const viewerEvent = async (type: string) => {
      for (;;) {
        const event = JSON.parse((await nextData(staff))!.data!) as {
          type: string;
          payload: { username?: string };
        };
        if (event.type === type && event.payload.username === member.username) return event;
      }
    };
    const memberStream = frames(
      await fetch(url, { headers: { authorization: `Bearer ${memberToken}` } }),
    );
    expect(await nextData(memberStream)).toMatchObject({ data: '{"type":"ready","payload":{}}' });
    await viewerEvent("viewer.joined");
    // The member's client goes away; the server ends that subscription and its presence.
    await memberStream.close();
    await viewerEvent("viewer.left");
    await staff.close();
  });
});
