import { externalSignIn } from "@guildhall/core/identity";
import { schema } from "@guildhall/db";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { code, useIdentity } from "./support/identity";

const { db, as, account, totpFor, nowSeconds } = useIdentity();

const discord = (accountId: string, extra: object = {}) => ({
  provider: "discord" as const,
  accountId,
  name: "Gamer Person!",
  ...extra,
});

function codeOf(promise: Promise<unknown>) {
  return promise.then(
    () => "ok",
    (error: { code?: string }) => error.code ?? "thrown",
  );
}

describe("external sign-in and account linking", () => {
  it("creates an account on first sign-in and signs the same user in afterwards", async () => {
    const first = await externalSignIn(db().db, discord("d-100"), { kind: "api" });
    if (first.linked || first.mfaRequired) throw new Error("expected tokens");
    const me = await (await as(first.accessToken)).users.me();
    // The provider's name, reduced to the username alphabet.
    expect(me.username).toBe("GamerPerson");
    const again = await externalSignIn(db().db, discord("d-100"), { kind: "api" });
    expect(again.linked ? null : again.userId).toBe(first.userId);
    const methods = await (await as(first.accessToken)).identities.list();
    expect(methods.hasPassword).toBe(false);
    expect(methods.identities.map((i) => i.provider)).toEqual(["discord"]);
    // The only way to sign in cannot be removed.
    expect(
      await code((await as(first.accessToken)).identities.unlink({ provider: "discord" })),
    ).toBe("LAST_SIGN_IN_METHOD");
    // Setting a first password needs no current one; then the provider link can go.
    await (
      await as(first.accessToken)
    ).auth.changePassword({
      newPassword: "a first passphrase here",
    });
    expect((await (await as(first.accessToken)).identities.list()).hasPassword).toBe(true);
    expect(
      await code(
        (await as(first.accessToken)).auth.changePassword({ newPassword: "another passphrase!" }),
      ),
    ).toBe("WRONG_PASSWORD");
    // A second account with the same provider name gets a free variant.
    const other = await externalSignIn(db().db, discord("d-101"), { kind: "api" });
    if (other.linked || other.mfaRequired) throw new Error("expected tokens");
    expect((await (await as(other.accessToken)).users.me()).username).toMatch(
      /^GamerPerson_\d{4}$/,
    );
  });

  it("links and unlinks providers for a signed-in user, never stealing another user's link", async () => {
    const a = await account("linker");
    const b = await account("linker");
    expect(
      await externalSignIn(db().db, discord("d-200"), { linkTo: a.user.id, ip: "10.0.0.1" }),
    ).toEqual({ linked: true, userId: a.user.id });
    // Linking again is a no-op; the same Discord account cannot go to b; a cannot link a second Discord.
    expect(await codeOf(externalSignIn(db().db, discord("d-200"), { linkTo: a.user.id }))).toBe(
      "ok",
    );
    expect(await codeOf(externalSignIn(db().db, discord("d-200"), { linkTo: b.user.id }))).toBe(
      "IDENTITY_TAKEN",
    );
    expect(await codeOf(externalSignIn(db().db, discord("d-201"), { linkTo: a.user.id }))).toBe(
      "PROVIDER_ALREADY_LINKED",
    );
    // Signing in with the linked account signs in as a.
    const signIn = await externalSignIn(db().db, discord("d-200"), { kind: "api" });
    expect(signIn.userId).toBe(a.user.id);
    const me = await as(a.accessToken);
    expect((await me.identities.list()).identities.map((i) => i.provider)).toEqual(["discord"]);
    // a has a password, so the link can go.
    expect(await me.identities.unlink({ provider: "discord" })).toEqual({ unlinked: true });
    expect(await code(me.identities.unlink({ provider: "discord" }))).toBe("IDENTITY_NOT_FOUND");
    const actions = (
      await db()
        .db.select({ action: schema.auditLog.action })
        .from(schema.auditLog)
        .where(eq(schema.auditLog.actorId, a.user.id))
    ).map((row) => row.action);
    expect(actions).toEqual(expect.arrayContaining(["identity.link", "identity.unlink"]));
  });

  it("never attaches a provider to an existing account by e-mail, and refuses inactive users", async () => {
    const a = await account("mailowner");
    const verified = discord("d-300", { email: `${a.username}@example.test`, emailVerified: true });
    expect(await codeOf(externalSignIn(db().db, verified, {}))).toBe("EMAIL_NEEDS_LINKING");
    // An unverified address is simply not copied.
    const unverified = await externalSignIn(
      db().db,
      discord("d-301", { email: `${a.username}@example.test`, emailVerified: false }),
      { kind: "api" },
    );
    if (unverified.linked || unverified.mfaRequired) throw new Error("expected tokens");
    expect((await (await as(unverified.accessToken)).users.me()).email).toBeNull();
    // A deactivated account cannot sign in through its provider either.
    await db()
      .db.update(schema.users)
      .set({ isActive: false })
      .where(eq(schema.users.id, unverified.userId));
    expect(await codeOf(externalSignIn(db().db, discord("d-301"), {}))).toBe("ACCOUNT_INACTIVE");
  });

  it("asks for the MFA step when the user has MFA on", async () => {
    const a = await account("mfalinker");
    await externalSignIn(db().db, { provider: "yandex", accountId: "y-1" }, { linkTo: a.user.id });
    const me = await as(a.accessToken);
    await me.mfa.setup();
    await me.mfa.enable({ code: await totpFor(a.username, nowSeconds()) });
    const result = await externalSignIn(db().db, { provider: "yandex", accountId: "y-1" }, {});
    expect(result.linked ? null : result.mfaRequired).toBe(true);
  });
});
