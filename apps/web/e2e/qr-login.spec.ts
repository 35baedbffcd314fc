import { expect, test, type Browser, type Page } from "@playwright/test";
import { admin, registerUser, shots, signIn } from "./support";

/** A fresh browser on the sign-in page, showing a QR code; answers the page and its approve URL. */
async function askForQr(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByTestId("qr-start").click();
  await expect(page.getByRole("img", { name: "QR code to approve this sign-in" })).toBeVisible();
  const approveUrl = await page.getByTestId("qr-approve-url").getAttribute("href");
  expect(approveUrl).toMatch(/\/approve-sign-in\?request=[0-9a-f-]{36}$/);
  return { context, page, approveUrl: approveUrl! };
}

async function signedInDevice(browser: Browser, login: string, password: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, login, password);
  return page;
}

test("a signed-in device approves a QR sign-in; a third party is refused", async ({
  browser,
  request,
}) => {
  const stranger = await registerUser(request, "stranger");
  const asking = await askForQr(browser);
  const device = await signedInDevice(browser, admin.login, admin.password);
  const third = await signedInDevice(browser, stranger.login, stranger.password);
  try {
    // The device scans: it sees which browser asks, and the browser learns it was scanned.
    await device.goto(asking.approveUrl);
    await expect(device.getByTestId("approve-agent")).toContainText("Chrome");
    await expect(asking.page.getByTestId("qr-status")).toContainText("admin scanned the code");
    await device.screenshot({ path: `${shots}/qr-approve.png`, fullPage: true });

    // Two parties at most: someone else opening the same code is refused.
    await third.goto(asking.approveUrl);
    await expect(third.getByTestId("approve-error")).toContainText(
      "Another device is already answering this sign-in code.",
    );

    await device.getByRole("button", { name: "Approve" }).click();
    await expect(device.getByTestId("approve-result")).toContainText("Approved");
    // The asking browser lands signed in, as the approving user.
    await expect(asking.page.getByTestId("user-menu")).toContainText("admin");
    await asking.page.screenshot({ path: `${shots}/qr-signed-in.png`, fullPage: true });
  } finally {
    await asking.context.close();
    await device.context().close();
    await third.context().close();
  }
});

test("an expired QR sign-in is refused", async ({ browser }) => {
  // The test server's codes live 20 s (e2e/serve.ts).
  test.setTimeout(90_000);
  const asking = await askForQr(browser);
  const device = await signedInDevice(browser, admin.login, admin.password);
  try {
    await expect(asking.page.getByTestId("qr-status")).toContainText("This code has expired.", {
      timeout: 40_000,
    });
    await asking.page.screenshot({ path: `${shots}/qr-expired.png`, fullPage: true });
    await device.goto(asking.approveUrl);
    await expect(device.getByTestId("approve-error")).toContainText(
      "This sign-in code has expired",
    );
    await expect(asking.page.getByRole("button", { name: "Get a new code" })).toBeVisible();
  } finally {
    await asking.context.close();
    await device.context().close();
  }
});
