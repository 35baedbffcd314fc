import { expect, type APIRequestContext, type Page } from "@playwright/test";

/** The seeded admin of the browser tests' server (e2e/serve.ts). */
export const admin = { login: "admin", password: "e2e admin passphrase" };
export const shots = "test-results/screenshots";

/** Fills and sends the sign-in form (the admin's by default), without waiting for the answer. */
export async function signInWithPassword(
  page: Page,
  login = admin.login,
  password = admin.password,
) {
  await page.goto("/sign-in");
  await page.getByLabel("Username or e-mail").fill(login);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

/** A fresh account made over REST (register), for tests that need a second person. */
export async function registerUser(request: APIRequestContext, prefix = "member") {
  const user = {
    login: `${prefix}${Date.now() % 1_000_000}`,
    password: `${prefix} passphrase long`,
  };
  const response = await request.post("/api/v1/auth/register", {
    data: { username: user.login, email: `${user.login}@example.test`, password: user.password },
  });
  if (!response.ok()) throw new Error(`register failed: ${response.status()}`);
  return user;
}

/** An access token for API calls made by a test on a user's behalf. */
export async function accessToken(request: APIRequestContext, login: string, password: string) {
  const response = await request.post("/api/v1/auth/login", { data: { login, password } });
  return ((await response.json()) as { accessToken: string }).accessToken;
}

/** Signs in on the sign-in page and waits for the dashboard. */
export async function signIn(page: Page, login: string, password: string) {
  await signInWithPassword(page, login, password);
  await expect(page.getByTestId("user-menu")).toBeVisible();
}
