import { describe, expect, it } from "vitest";
import { ADMIN_PASSWORD, useServer } from "./support/server";

// No SMTP_URL: mail is kept in the dev mailbox, which the super admin reads over REST.
const server = useServer({ SUPER_ADMINS: "admin", PUBLIC_URL: "http://guildhall.test" });

async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${server.url}/api/v1${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function mailbox(): Promise<{ to: string; subject: string; body: string }[]> {
  const login = await post("/auth/login", { login: "admin", password: ADMIN_PASSWORD });
  const res = await fetch(`${server.url}/api/v1/admin/mailbox?limit=100`, {
    headers: { authorization: `Bearer ${login.body.accessToken as string}` },
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: { to: string; subject: string; body: string }[] }).items;
}

describe("registration does not tell whether an e-mail address has an account", () => {
  it("answers a registered address exactly like a new one and mails the owner instead", async () => {
    const password = "a long enough passphrase";
    const first = await post(
      "/auth/register",
      { username: "owner1", email: "owner@example.test", password },
      { "accept-language": "de" },
    );
    const second = await post("/auth/register", {
      username: "intruder1",
      email: "OWNER@example.test",
      password,
    });
    expect(first).toEqual({ status: 200, body: { ok: true } });
    expect(second).toEqual(first);

    // The second registration made no account: its username cannot sign in.
    expect((await post("/auth/login", { login: "intruder1", password })).status).toBe(401);
    const mails = (await mailbox()).filter((m) => m.to === "owner@example.test");
    // The owner (locale de, from the first registration) got the confirmation link and the notice.
    expect(mails.map((m) => m.subject).sort()).toEqual([
      "Bestätige deine E-Mail-Adresse",
      "Jemand wollte sich mit deiner E-Mail-Adresse registrieren",
    ]);
    const notice = mails.find((m) => m.subject.startsWith("Jemand"))!;
    expect(notice.body).toContain("http://guildhall.test/sign-in");
    expect(notice.body).toContain("http://guildhall.test/forgot-password");
    expect(notice.body).toContain("owner1");
  });

  it("a taken username still answers USERNAME_TAKEN", async () => {
    const res = await post("/auth/register", {
      username: "OWNER1",
      email: "someone-else@example.test",
      password: "another long passphrase",
    });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: "USERNAME_TAKEN" });
  });
});
