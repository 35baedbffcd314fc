import { listDevMailbox } from "@guildhall/core/mail";
import { describe, expect, it } from "vitest";
import { code, useIdentity } from "./support/identity";

const { db, anon, as, account } = useIdentity();

describe("profiles and search", () => {
  it("updates the profile, finds users by exact name and prefix, and deletes with a grace period", async () => {
    const a = await account("finder");
    await account("finder");
    const me = await as(a.accessToken);
    const updated = await me.users.updateMe({
      displayName: "Finder One",
      bio: "hi",
      locale: "de",
      timezone: "Europe/Berlin",
      privacy: { email: "nobody" },
    });
    expect(updated).toMatchObject({
      displayName: "Finder One",
      locale: "de",
      timezone: "Europe/Berlin",
      privacy: { email: "nobody" },
    });
    expect(await code(me.users.updateMe({ timezone: "Mars/Olympus" }))).toBe("VALIDATION_FAILED");
    const prefix = await me.users.search({ query: "FINDER", mode: "prefix", limit: 1 });
    expect(prefix.items).toHaveLength(1);
    expect(prefix.nextCursor).not.toBeNull();
    const page2 = await me.users.search({
      query: "finder",
      mode: "prefix",
      limit: 1,
      after: prefix.nextCursor!,
    });
    expect(page2.items[0]?.username).not.toBe(prefix.items[0]?.username);
    expect(
      (await me.users.search({ query: a.username, mode: "exact" })).items.map((u) => u.username),
    ).toEqual([a.username]);
    expect((await me.users.search({ query: "finder%", mode: "prefix" })).items).toEqual([]);
    const deletion = await me.users.requestDeletion();
    expect(deletion.deleteAfter.getTime() - deletion.deletionRequestedAt.getTime()).toBe(
      14 * 86_400_000,
    );
    // The profile shows the pending deletion and its date until it is cancelled.
    expect(await me.users.me()).toMatchObject({
      deletionRequestedAt: deletion.deletionRequestedAt,
      deleteAfter: deletion.deleteAfter,
    });
    await me.users.cancelDeletion();
    expect(await me.users.me()).toMatchObject({ deletionRequestedAt: null, deleteAfter: null });
  });
});

describe("e-mail links (dev mailbox, no SMTP configured)", () => {
  const tokenIn = async (to: string, kind: "confirm-email" | "reset-password") => {
    const mail = (await listDevMailbox(db().db, 100)).find(
      (m) => m.to === to && m.body.includes(kind),
    );
    return decodeURIComponent(/token=([^\s]+)/.exec(mail?.body ?? "")?.[1] ?? "");
  };

  it("confirms the address once with the mailed link", async () => {
    const session = await account("mail");
    const email = `${session.username}@example.test`;
    const token = await tokenIn(email, "confirm-email");
    expect(token).toMatch(/^ghe_/);
    expect(await (await anon()).auth.confirmEmail({ token })).toEqual({
      username: session.username,
    });
    expect((await (await as(session.accessToken)).users.me()).emailVerified).toBe(true);
    expect(await code((await anon()).auth.confirmEmail({ token }))).toBe("INVALID_TOKEN");
  });

  it("resets a password once with the mailed link, ending every session", async () => {
    const session = await account("reset");
    const email = `${session.username}@example.test`;
    await (await anon("10.8.0.1")).auth.requestPasswordReset({ email: email.toUpperCase() });
    const token = await tokenIn(email, "reset-password");
    expect(await code((await anon()).auth.resetPassword({ token, password: "password1" }))).toBe(
      "WEAK_PASSWORD",
    );
    await (await anon()).auth.resetPassword({ token, password: "a brand new passphrase" });
    expect(await code((await as(session.accessToken)).auth.verify())).toBe("INVALID_TOKEN");
    expect(
      await code((await anon()).auth.resetPassword({ token, password: "yet another passphrase" })),
    ).toBe("INVALID_TOKEN");
    expect(
      await code(
        (await anon("10.8.0.2")).auth.login({
          login: session.username,
          password: "a brand new passphrase",
        }),
      ),
    ).toBe("ok");
    // Unknown addresses get the same answer and no mail.
    const before = (await listDevMailbox(db().db, 100)).length;
    expect(
      await (
        await anon("10.8.0.3")
      ).auth.requestPasswordReset({ email: "nobody-here@example.test" }),
    ).toEqual({ ok: true });
    expect((await listDevMailbox(db().db, 100)).length).toBe(before);
  });

  it("changes the address only when the link sent to the new address is opened", async () => {
    const session = await account("mover");
    const other = await account("mover");
    const me = await as(session.accessToken);
    const next = `${session.username}-new@example.test`;
    expect(await code(me.users.changeEmail({ email: next, password: "wrong password!" }))).toBe(
      "WRONG_PASSWORD",
    );
    expect(
      await code(
        me.users.changeEmail({
          email: `${other.username}@example.test`,
          password: session.password,
        }),
      ),
    ).toBe("EMAIL_TAKEN");
    await me.users.changeEmail({ email: next, password: session.password });
    // Nothing changes yet; the old address is told.
    expect((await me.users.me()).email).toBe(`${session.username}@example.test`);
    const notice = (await listDevMailbox(db().db, 100)).find(
      (m) => m.to === `${session.username}@example.test` && m.body.includes(next),
    );
    expect(notice).toBeDefined();
    const token = await tokenIn(next, "confirm-email");
    await (await anon()).auth.confirmEmail({ token });
    const after = await me.users.me();
    expect(after.email).toBe(next);
    expect(after.emailVerified).toBe(true);
    expect(await code((await anon()).auth.confirmEmail({ token }))).toBe("INVALID_TOKEN");
  });
});
