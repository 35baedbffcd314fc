import { expect, test, type Page } from "@playwright/test";
import { accessToken, admin, signIn } from "./support";

const signedOutPages = ["/sign-in", "/register", "/forgot-password", "/reset-password?token=x"];
const dashboardPages = [
  "/",
  "/hubs",
  "/tickets",
  "/messages",
  "/account/profile",
  "/account/security",
  "/admin",
  "/admin/mailbox",
  "/admin/audit",
  "/approve-sign-in?request=00000000-0000-7000-8000-000000000000",
  "/hub/demo",
  "/hub/demo/tickets",
  "/hub/demo/members",
  "/hub/demo/roles",
  "/hub/demo/sites",
  "/hub/demo/features",
  "/hub/demo/config",
  "/hub/demo/audit",
];

/**
 * Everything the browser refused under the Content-Security-Policy, and every
 * uncaught page error, for the whole test (reported across navigations).
 */
async function watchViolations(page: Page): Promise<string[]> {
  const problems: string[] = [];
  await page.exposeFunction("reportCspViolation", (text: string) => problems.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { reportCspViolation: (t: string) => void })
        .reportCspViolation;
      report(`${event.violatedDirective} blocked ${event.blockedURI} on ${location.pathname}`);
    });
  });
  page.on("console", (message) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(message.text()))
      problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  return problems;
}

/** Opens a page and waits until it has loaded (live pages keep an SSE stream open: no "networkidle"). */
async function visit(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.headers()["content-security-policy"], path).toContain("'strict-dynamic'");
  await page.waitForLoadState("load");
}

test("no page of the dashboard trips the Content-Security-Policy", async ({ page, request }) => {
  test.setTimeout(180_000);
  const problems = await watchViolations(page);
  for (const path of signedOutPages) await visit(page, path);
  // The sign-in form is a client component: hydrated, so Next's nonce-carrying scripts ran.
  await signIn(page, admin.login, admin.password);
  for (const path of dashboardPages) await visit(page, path);
  // A ticket of its own, for the ticket page.
  const token = await accessToken(request, admin.login, admin.password);
  const ticket = await request.post("/api/v1/hubs/demo/tickets", {
    headers: { authorization: `Bearer ${token}` },
    data: { subject: "CSP check", description: "A ticket to open.", category: "Support" },
  });
  expect(ticket.status()).toBe(200);
  await visit(page, `/hub/demo/tickets/${((await ticket.json()) as { id: string }).id}`);
  expect(problems).toEqual([]);
});

test("Swagger UI at /api/docs renders under the Content-Security-Policy", async ({ page }) => {
  const problems = await watchViolations(page);
  await visit(page, "/api/docs");
  // Swagger UI fetches and renders the whole document (160+ operations) first: slow on a busy machine.
  await expect(page.locator(".swagger-ui .info .title")).toContainText("Guildhall", {
    timeout: 15_000,
  });
  await expect(page.locator(".opblock").first()).toBeVisible();
  // Open one operation: Swagger UI renders its details (and their styles) on demand.
  await page.locator(".opblock-summary").first().click();
  await expect(page.locator(".opblock-body").first()).toBeVisible();
  expect(problems).toEqual([]);
});
