import { schema } from "@guildhall/db";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createBrowserCaller, createContext } from "../src";
import { code, useIdentity } from "./support/identity";

// The dashboard's sign-in steps (the browser router next-auth's callbacks call through
// `browserCaller`): the same middleware as every procedure, browser sessions, and on no HTTP route.
const { db, as, account, totpFor, nowSeconds } = useIdentity();

function steps(ip = "10.4.0.1") {
  const tdb = db();
  const headers = new Headers({ "user-agent": "Browser test" });
  const ctx = createContext({ db: tdb.db, dbKind: tdb.kind, headers, principal: null, peer: ip });
  return createBrowserCaller(ctx).browser;
}

async function sessionKind(sessionId: string) {
  const [row] = await db()
    .db.select({ kind: schema.authSessions.kind, revokedAt: schema.authSessions.revokedAt })
    .from(schema.authSessions)
    .where(eq(schema.authSessions.id, sessionId));
  return row;
}

describe("browser sign-in steps", () => {
  it("signs in with a password to a browser session and signs out by revoking it", async () => {
    const { username, password } = await account("browser");
    const result = await steps().signIn({ login: username, password });
    if (result.mfaRequired) throw new Error("unexpected MFA");
    expect(await sessionKind(result.sessionId)).toEqual({ kind: "browser", revokedAt: null });
    expect(await steps().signOut({ sessionId: result.sessionId })).toEqual({ revoked: 1 });
    expect((await sessionKind(result.sessionId))?.revokedAt).toBeInstanceOf(Date);
    // Signing out twice changes nothing.
    expect(await steps().signOut({ sessionId: result.sessionId })).toEqual({ revoked: 0 });
  });

  it("refuses wrong credentials with the API's codes and spends the login bucket (3 a minute per address and login)", async () => {
    const { username } = await account("browser");
    for (let i = 0; i < 3; i++)
      expect(await code(steps("10.4.0.2").signIn({ login: username, password: "wrong" }))).toBe(
        "INVALID_CREDENTIALS",
      );
    expect(await code(steps("10.4.0.2").signIn({ login: username, password: "wrong" }))).toBe(
      "RATE_LIMITED",
    );
    // Another address has its own bucket; an oversized field is refused before any lookup.
    expect(await code(steps("10.4.0.3").signIn({ login: username, password: "wrong" }))).toBe(
      "INVALID_CREDENTIALS",
    );
    expect(await code(steps().signIn({ login: "x".repeat(2000), password: "p" }))).toBe(
      "VALIDATION_FAILED",
    );
  });

  it("asks for MFA, then takes the code with the ticket once", async () => {
    const session = await account("browsermfa");
    const me = await as(session.accessToken);
    await me.mfa.setup();
    await me.mfa.enable({ code: await totpFor(session.username, nowSeconds()) });
    const first = await steps().signIn({ login: session.username, password: session.password });
    if (!first.mfaRequired) throw new Error("expected the MFA step");
    expect(await code(steps().completeMfa({ ticket: "", code: "123456" }))).toBe("INVALID_TOKEN");
    const codeNow = await totpFor(session.username, nowSeconds() + 30);
    const done = await steps().completeMfa({ ticket: first.mfaTicket, code: codeNow });
    expect(done.userId).toBe(first.userId);
    expect((await sessionKind(done.sessionId))?.kind).toBe("browser");
    expect(await code(steps().completeMfa({ ticket: first.mfaTicket, code: codeNow }))).toBe(
      "INVALID_TOKEN",
    );
  });

  it("signs a provider's account in (creating it), links another to a signed-in user, and refuses a forged QR ticket or Steam assertion", async () => {
    const profile = { provider: "discord" as const, accountId: "b-1", name: "Browser Person" };
    const created = await steps().externalSignIn({ profile, linkTo: null });
    if (created.linked || created.result.mfaRequired) throw new Error("expected a session");
    expect((await sessionKind(created.result.sessionId))?.kind).toBe("browser");
    const again = await steps().externalSignIn({ profile, linkTo: null });
    expect(again.linked ? null : again.result.userId).toBe(created.result.userId);

    const { username } = await account("linker");
    const [user] = await db()
      .db.select({ id: schema.users.id })
      .from(schema.users)
      .where(eq(schema.users.username, username));
    const yandex = { provider: "yandex" as const, accountId: "y-1", name: "Linked" };
    expect(await steps().externalSignIn({ profile: yandex, linkTo: user!.id })).toEqual({
      linked: true,
      userId: user!.id,
    });

    expect(await code(steps().exchangeQr({ ticket: "not-a-ticket-at-all" }))).toBe(
      "QR_TICKET_INVALID",
    );
    expect(
      await code(
        steps().verifySteam({
          assertion: "openid.mode=id_res",
          callback: "http://localhost/api/auth/steam/callback",
        }),
      ),
    ).toBe("PROVIDER_SIGN_IN_FAILED");
  });
});
