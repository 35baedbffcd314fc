import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createServerDatabase,
  freePort,
  startServer,
  type RunningServer,
  type ServerDatabase,
} from "./support/server";

/** A stand-in SMTP server: accepts every message and keeps it for the test. */
const received: { to: string; text: string }[] = [];
let smtp: SMTPServer;
let smtpPort: number;
let database: ServerDatabase;
let server: RunningServer;

beforeAll(async () => {
  smtpPort = await freePort();
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      let raw = "";
      stream.on("data", (chunk: Buffer) => (raw += chunk.toString()));
      stream.on("end", () => {
        const to = session.envelope.rcptTo.map((r) => r.address).join(",");
        received.push({ to, text: raw.replace(/=\r?\n/g, "").replace(/=3D/g, "=") });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(smtpPort, "127.0.0.1", resolve));
  database = await createServerDatabase();
  server = await startServer({
    ...database.env,
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    PUBLIC_URL: "http://guildhall.test",
  });
});
afterAll(async () => {
  await server?.stop();
  await database?.destroy();
  await new Promise<void>((resolve) => smtp.close(resolve));
});

const post = (path: string, body: unknown) =>
  fetch(`${server.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

async function mailTo(address: string, kind: string) {
  for (let i = 0; i < 50; i++) {
    const mail = received.find((m) => m.to === address && m.text.includes(kind));
    if (mail) return decodeURIComponent(/token=([\w%-]+)/.exec(mail.text)?.[1] ?? "");
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no ${kind} mail to ${address}`);
}

describe("e-mail through SMTP (stand-in server)", () => {
  it("mails a confirmation link on registration that works once", async () => {
    expect(
      (
        await post("/api/v1/auth/register", {
          username: "mailuser",
          email: "mail@example.test",
          password: "a long mail passphrase",
        })
      ).status,
    ).toBe(200);
    const token = await mailTo("mail@example.test", "http://guildhall.test/confirm-email?token=");
    expect((await post("/api/v1/auth/confirm-email", { token })).status).toBe(200);
    const again = await post("/api/v1/auth/confirm-email", { token });
    expect(again.status).toBe(401);
    expect(await again.json()).toMatchObject({ code: "INVALID_TOKEN" });
  });

  it("mails a reset link that sets a new password once", async () => {
    expect((await post("/api/v1/auth/password-reset", { email: "mail@example.test" })).status).toBe(
      200,
    );
    const token = await mailTo("mail@example.test", "reset-password?token=");
    expect(
      (
        await post("/api/v1/auth/password-reset/complete", {
          token,
          password: "the new mail passphrase",
        })
      ).status,
    ).toBe(200);
    const login = await post("/api/v1/auth/login", {
      login: "mailuser",
      password: "the new mail passphrase",
    });
    expect(login.status).toBe(200);
    expect(
      (
        await post("/api/v1/auth/password-reset/complete", {
          token,
          password: "another passphrase x",
        })
      ).status,
    ).toBe(401);
  });
});
