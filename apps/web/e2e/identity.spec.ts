import { currentTotp } from "@guildhall/auth";
import { expect, test } from "@playwright/test";
import { shots, signInWithPassword } from "./support";

test("wrong password is refused with a translated message", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Username or e-mail").fill("admin");
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.locator(".form-error")).toHaveText("Wrong username or password.");
});

test("sign in, turn on MFA, sign out, and sign in again with the MFA step", async ({ page }) => {
  await signInWithPassword(page);
  await expect(page.getByTestId("user-menu")).toContainText("Signed in as admin");
  await page.screenshot({ path: `${shots}/signed-in.png`, fullPage: true });

  await page.goto("/account/security");
  const mfa = page.getByTestId("mfa-panel");
  await mfa.getByRole("button", { name: "Set up" }).click();
  const secret = (await page.getByTestId("mfa-secret").textContent())!.trim();
  await mfa.getByLabel("Authenticator or recovery code").fill(await currentTotp(secret));
  await mfa.getByRole("button", { name: "Turn on" }).click();
  const codes = page.getByTestId("recovery-codes").locator("span");
  await expect(codes).toHaveCount(10);
  const recovery = (await codes.first().textContent())!;
  const spare = (await codes.nth(1).textContent())!;
  await expect(mfa.getByRole("heading")).toContainText("On");
  await page.screenshot({ path: `${shots}/security-mfa.png`, fullPage: true });

  // Keep the cookie as it was before signing out: it must be dead on the server afterwards.
  const oldCookies = await page.context().cookies();
  expect((await page.request.get("/api/trpc/users.me")).status()).toBe(200);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.context().addCookies(oldCookies);
  expect((await page.request.get("/api/trpc/users.me")).status()).toBe(401);
  await page.context().clearCookies();

  await signInWithPassword(page);
  await expect(page.getByText("Enter the code from your authenticator app")).toBeVisible();
  await page.getByLabel("Authenticator or recovery code").fill(recovery);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByTestId("user-menu")).toContainText("Signed in as admin");

  // The session list shows this browser; a token is shown once.
  await page.goto("/account/security");
  await expect(page.getByTestId("sessions-panel")).toContainText("this device");
  const tokens = page.getByTestId("tokens-panel");
  await tokens.getByLabel("Name").fill("e2e bot");
  await tokens.getByRole("button", { name: "Create token" }).click();
  await expect(tokens.locator(".secret")).toContainText("gha_");
  await expect(tokens).toContainText("e2e bot");
  await page.screenshot({ path: `${shots}/security-tokens.png`, fullPage: true });

  // Leave the shared admin as the other specs expect it: MFA off (a recovery code, once).
  await mfa.getByLabel("Authenticator or recovery code").fill(spare);
  await mfa.getByRole("button", { name: "Turn off" }).click();
  await expect(mfa.getByRole("heading")).toContainText("Off");
});

test("the security page sends visitors to sign in", async ({ page }) => {
  await page.goto("/account/security");
  await expect(page).toHaveURL(/\/sign-in/);
});
