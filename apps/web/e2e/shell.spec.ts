import { expect, test, type Page } from "@playwright/test";

const shots = "test-results/screenshots";

async function expectHealthy(page: Page, label: string) {
  await expect(page.getByTestId("status-database").getByRole("status")).toHaveText(label, {
    timeout: 15_000,
  });
}

test("the dashboard shell renders with navigation and live status", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByTestId("page-heading")).toHaveText("Overview");
  const nav = page.getByTestId("nav");
  for (const item of ["Overview", "Hubs", "Tickets", "Messages", "API reference"]) {
    await expect(nav.getByText(item, { exact: true })).toBeVisible();
  }
  // The status cards come from the system.health procedure, called from the browser.
  await expectHealthy(page, "Healthy");
  await expect(page.getByTestId("status-version")).toContainText(/\d+\.\d+\.\d+/);
  await page.screenshot({ path: `${shots}/shell-en.png`, fullPage: true });
});

test("the language switch translates the shell and is remembered", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  const cases = [
    { locale: "de", heading: "Übersicht", nav: "Nachrichten", healthy: "Betriebsbereit" },
    { locale: "ru", heading: "Обзор", nav: "Сообщения", healthy: "Работает" },
    { locale: "zh-TW", heading: "總覽", nav: "訊息", healthy: "正常" },
  ];
  for (const c of cases) {
    await page.getByTestId("language-switch").selectOption(c.locale);
    await expect(page.getByTestId("page-heading")).toHaveText(c.heading);
    await expect(page.getByTestId("nav").getByText(c.nav, { exact: true })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", c.locale);
    await expectHealthy(page, c.healthy);
    await page.screenshot({ path: `${shots}/shell-${c.locale}.png`, fullPage: true });
  }
  await page.reload();
  await expect(page.getByTestId("page-heading")).toHaveText("總覽");
  await expect(page.getByTestId("language-switch")).toHaveValue("zh-TW");
});

test.describe("a browser that prefers Russian", () => {
  test.use({ locale: "ru-RU" });
  test("gets the shell in Russian without choosing", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByTestId("page-heading")).toHaveText("Обзор");
  });
});

test("the API reference lists the REST operations", async ({ page }) => {
  await page.goto("/api/docs");
  await expect(page.locator(".swagger-ui .title").first()).toContainText("Guildhall API", {
    timeout: 15_000,
  });
  await expect(
    page.locator(".opblock-summary-path").filter({ hasText: "/health" }).first(),
  ).toBeVisible();
  // Swagger UI renders only the operations in view: scroll down a screen at a time.
  for (const path of ["/hubs/{hubSlug}/audit", "/auth/qr/{requestId}/approve", "/me/chats"]) {
    const operation = page.locator(".opblock-summary-path").filter({ hasText: path }).first();
    for (let i = 0; i < 200 && (await operation.count()) === 0; i++) {
      await page.evaluate(() => window.scrollBy(0, 500));
      await page.waitForTimeout(50);
    }
    await expect(operation).toBeVisible();
  }
  await page.screenshot({ path: `${shots}/api-docs.png`, fullPage: true });
});
