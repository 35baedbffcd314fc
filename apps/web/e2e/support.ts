import type { Page } from "@playwright/test";

/** The seeded admin of the browser tests' server (e2e/serve.ts). */
export const admin = { login: "admin", password: "e2e admin passphrase" };
export const shots = "test-results/screenshots";

export async function signInWithPassword(page: Page) {
  await page.goto("/sign-in");
  await page.getByLabel("Username or e-mail").fill(admin.login);
  await page.getByLabel("Password").fill(admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}
