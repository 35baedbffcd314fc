import { describe, expect, it } from "vitest";
import { ADMIN_PASSWORD, useServer } from "./support/server";

// What a newcomer meets: no SUPER_ADMINS and no PUBLIC_URL, only the account the first start printed.
const server = useServer({ LOG_LEVEL: "warn" });

async function call(method: string, path: string, token?: string, body?: unknown) {
  const res = await fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function adminToken() {
  const login = await call("POST", "/auth/login", undefined, {
    login: "admin",
    password: ADMIN_PASSWORD,
  });
  expect(login.status).toBe(200);
  expect(login.body.superAdmin).toBe(true);
  return login.body.accessToken as string;
}

describe("the printed admin administers the instance without SUPER_ADMINS", () => {
  it("creates a hub, lists accounts, reads the mailbox", async () => {
    const token = await adminToken();
    const hub = await call("POST", "/hubs", token, { slug: "first-hub", name: "My first hub" });
    expect(hub.status).toBe(200);
    expect(hub.body).toMatchObject({ slug: "first-hub" });
    const users = await call("GET", "/admin/users?query=admin", token);
    expect(users.status).toBe(200);
    expect(users.body.items).toContainEqual(
      expect.objectContaining({ username: "admin", superAdmin: true, instanceAdmin: true }),
    );
    const mail = await call("GET", "/admin/mailbox?limit=5", token);
    expect(mail.status).toBe(200);
    expect(Array.isArray(mail.body.items)).toBe(true);
  });

  it("promotes a registered account over REST; that account then administers", async () => {
    const token = await adminToken();
    const password = "a long enough passphrase";
    const registered = await call("POST", "/auth/register", undefined, {
      username: "deputy1",
      email: "deputy@example.test",
      password,
    });
    expect(registered.status).toBe(200);
    const deputy = await call("POST", "/auth/login", undefined, { login: "deputy1", password });
    const deputyToken = deputy.body.accessToken as string;
    expect((await call("GET", "/admin/users", deputyToken)).body.code).toBe("SUPER_ADMIN_REQUIRED");
    const deputyId = (deputy.body.user as { id: string }).id;
    const promoted = await call("POST", `/admin/users/${deputyId}/instance-admin`, token, {
      instanceAdmin: true,
    });
    expect(promoted).toMatchObject({
      status: 200,
      body: { superAdmin: true, instanceAdmin: true },
    });
    expect((await call("GET", "/admin/users", deputyToken)).status).toBe(200);
    // The admin steps down; the deputy remains, so that is allowed, and the deputy is now the last.
    const adminId = (
      (await call("GET", "/admin/users?query=admin", token)).body.items as {
        id: string;
        username: string;
      }[]
    ).find((user) => user.username === "admin")!.id;
    expect(
      (
        await call("POST", `/admin/users/${adminId}/instance-admin`, token, {
          instanceAdmin: false,
        })
      ).status,
    ).toBe(200);
    const last = await call("POST", `/admin/users/${deputyId}/instance-admin`, deputyToken, {
      instanceAdmin: false,
    });
    expect(last).toMatchObject({ status: 409, body: { code: "LAST_INSTANCE_ADMIN" } });
    // Put the first admin back for the other tests of this file.
    expect(
      (
        await call("POST", `/admin/users/${adminId}/instance-admin`, deputyToken, {
          instanceAdmin: true,
        })
      ).status,
    ).toBe(200);
  });
});

describe("QR approve links point where the client came from when PUBLIC_URL is unset", () => {
  it("uses the request's own origin (this server's port, not 3000)", async () => {
    const asked = await call("POST", "/auth/qr", undefined, {});
    expect(asked.status).toBe(200);
    const approveUrl = new URL(asked.body.approveUrl as string);
    expect(approveUrl.origin).toBe(server.url);
    expect(approveUrl.pathname).toBe("/approve-sign-in");
  });

  it("ignores X-Forwarded-Host from a client that is not a trusted proxy", async () => {
    const res = await fetch(`${server.url}/api/v1/auth/qr`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-forwarded-host": "evil.example",
        "x-forwarded-proto": "https",
      },
      body: "{}",
    });
    const body = (await res.json()) as { approveUrl: string };
    expect(new URL(body.approveUrl).origin).toBe(server.url);
  });
});
