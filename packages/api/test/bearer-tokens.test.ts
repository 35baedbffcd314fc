import { signAccessToken } from "@guildhall/auth";
import { currentSigningKey } from "@guildhall/core/identity";
import { schema } from "@guildhall/db";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { code, useIdentity } from "./support/identity";

/**
 * Credentials that name no live session or token answer INVALID_TOKEN where a
 * principal is needed; none at all answer UNAUTHENTICATED (issue 15, item 5).
 * apps/web/test/bearer-tokens-http.test.ts checks the same over HTTP.
 */
const { db, anon, as, account } = useIdentity();

const claimsOf = (token: string) =>
  JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString()) as {
    sub: string;
    sid: string;
  };

describe("bearer tokens", () => {
  it("no credentials: UNAUTHENTICATED", async () => {
    expect(await code((await anon()).users.me())).toBe("UNAUTHENTICATED");
  });

  it("malformed or forged: INVALID_TOKEN", async () => {
    const session = await account("malformed");
    const [head, payload] = session.accessToken.split(".");
    for (const token of ["not-a-token", "a.b.c", `${head}.${payload}.${"A".repeat(43)}`, "gha_x"])
      expect(await code((await as(token)).users.me()), token).toBe("INVALID_TOKEN");
  });

  it("expired access and application tokens: INVALID_TOKEN", async () => {
    const session = await account("expired");
    const key = await currentSigningKey(db().db);
    const claims = claimsOf(session.accessToken);
    expect(await code((await as(await signAccessToken(claims, key, 60))).users.me())).toBe("ok");
    const expired = await signAccessToken(claims, key, -60);
    expect(await code((await as(expired)).users.me())).toBe("INVALID_TOKEN");

    const created = await (
      await as(session.accessToken)
    ).tokens.create({
      name: "short-lived",
      scopes: ["read"],
    });
    expect(await code((await as(created.token)).users.me())).toBe("ok");
    await db()
      .db.update(schema.applicationTokens)
      .set({ expiresAt: new Date(Date.now() - 60_000) })
      .where(eq(schema.applicationTokens.id, created.id));
    expect(await code((await as(created.token)).users.me())).toBe("INVALID_TOKEN");
  });

  it("revoked access and application tokens: INVALID_TOKEN", async () => {
    const session = await account("revoked");
    const me = await as(session.accessToken);
    const created = await me.tokens.create({ name: "revoked", scopes: ["read"] });
    await me.tokens.revoke({ tokenId: created.id });
    expect(await code((await as(created.token)).users.me())).toBe("INVALID_TOKEN");
    await me.auth.logout();
    expect(await code((await as(session.accessToken)).users.me())).toBe("INVALID_TOKEN");
  });

  it("public procedures run anonymously beside a rejected token (refresh still works)", async () => {
    const session = await account("public");
    await (await as(session.accessToken)).auth.logout();
    const stale = await as("not-a-token");
    expect(await code(stale.system.health())).toBe("ok");
    const again = await account("publicagain");
    expect(await code(stale.auth.refresh({ refreshToken: again.refreshToken }))).toBe("ok");
  });
});
