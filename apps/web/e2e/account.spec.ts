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
  expect(
    await page.getByTestId("avatar").evaluate((img: HTMLImageElement) => img.naturalWidth),
  ).toBe(16);
  // Kept on the server: the page read afresh shows the fields and the avatar.
  await page.reload();
  await expect(page.getByLabel("Status")).toHaveValue("on call");
  await expect(page.getByLabel("Time zone")).toHaveValue("Europe/Berlin");
  await expect(page.getByTestId("avatar")).toBeVisible();
  expect(
    await page.getByTestId("avatar").evaluate((img: HTMLImageElement) => img.naturalWidth),
  ).toBe(16);
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
