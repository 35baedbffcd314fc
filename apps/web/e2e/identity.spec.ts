import { currentTotp } from "@guildhall/auth";
import { expect, test } from "@playwright/test";
import { admin, shots, signInWithPassword } from "./support";

/** Recovery codes of the shared admin while a test here has its MFA on (else empty). */
let adminRecoveryCodes: string[] = [];

// The other specs sign the shared admin in without MFA: turn it off again after a test
// that left it on, whether or not that test passed (two spare recovery codes: sign in, off).
test.afterEach(async ({ request }) => {
  const codes = adminRecoveryCodes.splice(0);
  if (codes.length < 2) return;
  const login = (await (await request.post("/api/v1/auth/login", { data: admin })).json()) as {
    mfaRequired: boolean;
    mfaTicket?: string;
  };
  if (!login.mfaRequired) return;
  const done = (await (
    await request.post("/api/v1/auth/mfa", { data: { ticket: login.mfaTicket, code: codes.pop() } })
  ).json()) as { accessToken: string };
  const off = await request.post("/api/v1/me/mfa/disable", {
    headers: { authorization: `Bearer ${done.accessToken}` },
    data: { code: codes.pop() },
  });
  expect(off.status()).toBe(200);
});

test("wrong password and unknown user are refused alike, with a translated message", async ({
  page,
}) => {
  // An account that exists (wrong password) and one that does not: the same answer.
  const answers: string[] = [];
  for (const login of [admin.login, "no-such-user-anywhere"]) {
    await page.goto("/sign-in");
    await page.getByLabel("Username or e-mail").fill(login);
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.locator(".form-error")).toHaveText("Wrong username or password.");
    answers.push((await page.locator(".form-error").textContent())!);
  }
  expect(answers).toEqual(["Wrong username or password.", "Wrong username or password."]);
});

test("sign in, turn on MFA, sign out, and sign in again with the MFA step", async ({ page }) => {
  await signInWithPassword(page);
  await expect(page.getByTestId("user-menu")).toContainText("Signed in as admin");
  await page.screenshot({ path: `${shots}/signed-in.png`, fullPage: true });

  await page.goto("/account/security");
  const mfa = page.getByTestId("mfa-panel");
  await mfa.getByRole("button", { name: "Set up" }).click();
  const secret = (await page.getByTestId("mfa-secret").textContent())!.trim();
  // The code of an explicit time step (now's; the server allows one step of drift).
  const now = Math.floor(Date.now() / 1000);
  await mfa.getByLabel("Authenticator or recovery code").fill(await currentTotp(secret, now));
  await mfa.getByRole("button", { name: "Turn on" }).click();
  const codes = page.getByTestId("recovery-codes").locator("span");
  await expect(codes).toHaveCount(10);
  // From here MFA is on: afterEach turns it off with the last two codes if this test does not.
  adminRecoveryCodes = (await codes.allTextContents()).slice(8);
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
  adminRecoveryCodes = [];
});

test("the security page sends visitors to sign in", async ({ page }) => {
  await page.goto("/account/security");
  await expect(page).toHaveURL(/\/sign-in/);
});
