import { currentTotp } from "@guildhall/auth";
import { tinyPng } from "@guildhall/core/testing";
import { expect, test } from "@playwright/test";
import { registerUser, shots, signIn } from "./support";

test("the profile page saves fields and uploads a checked avatar", async ({ page, request }) => {
  // A fresh account: the shared admin's profile stays as the other specs know it.
  const user = await registerUser(request, "profile");
  await signIn(page, user.login, user.password);
  await page.goto("/account/profile");
  await page.getByLabel("Status").fill("on call");
  await page.getByLabel("Time zone").fill("Mars/Olympus");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.locator(".field-error")).toHaveText("Not valid.");
  await page.getByLabel("Time zone").fill("Europe/Berlin");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();

  await page.getByTestId("avatar-input").setInputFiles({
    name: "notes.png",
    mimeType: "image/png",
    buffer: Buffer.from("not really a png"),
  });
  await expect(page.getByTestId("avatar-panel").locator(".form-error")).toContainText(
    "PNG, JPEG, GIF or WebP",
  );
  await page
    .getByTestId("avatar-input")
    .setInputFiles({ name: "me.png", mimeType: "image/png", buffer: tinyPng(16, 16) });
  await expect(page.getByTestId("avatar")).toBeVisible();
  // Visible is not loaded: wait for the decoded image rather than reading it at once.
  await expect
    .poll(() => page.getByTestId("avatar").evaluate((img: HTMLImageElement) => img.naturalWidth))
    .toBe(16);
  // Kept on the server: the page read afresh shows the fields and the avatar.
  await page.reload();
  await expect(page.getByLabel("Status")).toHaveValue("on call");
  await expect(page.getByLabel("Time zone")).toHaveValue("Europe/Berlin");
  await expect(page.getByTestId("avatar")).toBeVisible();
  // Visible is not loaded: wait for the decoded image rather than reading it at once.
  await expect
    .poll(() => page.getByTestId("avatar").evaluate((img: HTMLImageElement) => img.naturalWidth))
    .toBe(16);
  await page.screenshot({ path: `${shots}/profile.png`, fullPage: true });
});

test("account deletion needs the username typed, shows its date, and can be cancelled", async ({
  page,
  request,
}) => {
  const user = await registerUser(request, "leaver");
  await signIn(page, user.login, user.password);
  await page.goto("/account/profile");
  const panel = page.getByTestId("delete-account-panel");
  const ask = panel.getByRole("button", { name: "Delete my account" });
  await expect(ask).toBeDisabled();
  await panel.getByTestId("delete-confirm").fill("someone else");
  await expect(ask).toBeDisabled();
  await panel.getByTestId("delete-confirm").fill(user.login);
  await ask.click();
  await expect(panel.getByTestId("deletion-pending")).toContainText(
    "Your account will be deleted on",
  );
  await page.reload();
  await expect(panel.getByTestId("deletion-pending")).toBeVisible();
  await panel.getByRole("button", { name: "Keep my account" }).click();
  await expect(panel.getByRole("button", { name: "Delete my account" })).toBeVisible();
  await expect(panel.getByTestId("deletion-pending")).toHaveCount(0);
});

test("forgot password answers without telling whether the address exists", async ({
  page,
  request,
}) => {
  // The same answer for an address with an account and one without.
  const user = await registerUser(request, "forgetful");
  const answers: string[] = [];
  for (const address of [`${user.login}@example.test`, "nobody@example.test"]) {
    await page.goto("/sign-in");
    await page.getByRole("link", { name: "Forgot your password?" }).click();
    await page.getByLabel("E-mail").fill(address);
    await page.getByRole("button", { name: "Send reset link" }).click();
    await expect(page.getByRole("status")).toHaveText(
      "If the address is registered, a reset link is on its way.",
    );
    answers.push((await page.getByRole("status").textContent())!);
  }
  expect(answers).toHaveLength(2);
  expect(answers[1]).toBe(answers[0]);
});

test("a bad confirmation link is refused after pressing confirm", async ({ page }) => {
  await page.goto("/confirm-email?token=ghe_not-a-real-token");
  await page.getByRole("button", { name: "Confirm e-mail" }).click();
  await expect(page.getByText("This link is invalid, expired or already used.")).toBeVisible();
});

test("the security page counts recovery codes and regenerates them with a TOTP code", async ({
  page,
  request,
}) => {
  const user = await registerUser(request, "recovery");
  await signIn(page, user.login, user.password);
  await page.goto("/account/security");
  const mfa = page.getByTestId("mfa-panel");
  await mfa.getByRole("button", { name: "Set up" }).click();
  const secret = (await page.getByTestId("mfa-secret").textContent())!.trim();
  // Codes of explicit time steps: now's to turn MFA on, the next one's to regenerate.
  const now = Math.floor(Date.now() / 1000);
  await mfa.getByLabel("Authenticator or recovery code").fill(await currentTotp(secret, now));
  await mfa.getByRole("button", { name: "Turn on" }).click();
  await expect(page.getByTestId("recovery-codes").locator("span")).toHaveCount(10);
  const old = await page.getByTestId("recovery-codes").locator("span").allTextContents();
  await expect(page.getByTestId("recovery-codes-remaining")).toHaveText(
    "Unused recovery codes: 10",
  );

  const form = page.getByTestId("regenerate-codes-form");
  await form.getByLabel("Code from your authenticator app").fill("000000");
  await form.getByRole("button", { name: "Regenerate recovery codes" }).click();
  await expect(page.getByTestId("recovery-codes-panel").locator(".form-error")).toHaveText(
    "The code is wrong, expired or already used.",
  );
  await form
    .getByLabel("Code from your authenticator app")
    .fill(await currentTotp(secret, now + 30));
  await form.getByRole("button", { name: "Regenerate recovery codes" }).click();
  const fresh = page.getByTestId("new-recovery-codes").locator("span");
  await expect(fresh).toHaveCount(10);
  const codes = await fresh.allTextContents();
  expect(codes.filter((c) => old.includes(c))).toEqual([]);
  await expect(page.getByRole("button", { name: "Copy codes" })).toBeVisible();
  // The codes shown when MFA was turned on are gone (they no longer work).
  await expect(page.getByTestId("recovery-codes")).toHaveCount(0);
  await page.screenshot({ path: `${shots}/security-recovery-codes.png`, fullPage: true });

  // One new code used at sign-in (over REST): the page read afresh counts 9.
  const login = (await (
    await request.post("/api/v1/auth/login", {
      data: { login: user.login, password: user.password },
    })
  ).json()) as { mfaTicket: string };
  const done = await request.post("/api/v1/auth/mfa", {
    data: { ticket: login.mfaTicket, code: codes[0] },
  });
  expect(done.status()).toBe(200);
  await page.reload();
  await expect(page.getByTestId("recovery-codes-remaining")).toHaveText("Unused recovery codes: 9");
});
