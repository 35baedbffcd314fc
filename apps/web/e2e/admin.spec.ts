import { expect, test } from "@playwright/test";
import { admin, registerUser, shots, signIn } from "./support";

// The browser tests' server sets no SUPER_ADMINS: the seeded admin administers by its stored flag.
test("the printed admin opens /admin, makes an account a super admin and takes it back", async ({
  page,
  request,
}) => {
  const user = await registerUser(request, "deputy");
  await signIn(page, admin.login, admin.password);
  await page.getByTestId("nav-admin").click();
  await expect(page.getByTestId("page-heading")).toHaveText("Instance administration");

  await page.getByTestId("admin-user-search").fill(user.login);
  const row = page.locator(`[data-testid="admin-user"][data-username="${user.login}"]`);
  await expect(row).toBeVisible();
  await expect(row.getByTestId("super-admin-badge")).toHaveCount(0);
  await row.getByRole("button", { name: "Make super admin" }).click();
  await expect(row.getByTestId("super-admin-badge")).toBeVisible();

  // Stored, not just shown: after a reload the account is still a super admin.
  await page.reload();
  await page.getByTestId("admin-user-search").fill(user.login);
  await expect(row.getByTestId("super-admin-badge")).toBeVisible();
  await page.screenshot({ path: `${shots}/admin-users.png`, fullPage: true });
  await row.getByRole("button", { name: "Remove super admin" }).click();
  await expect(row.getByTestId("super-admin-badge")).toHaveCount(0);

  // The admin is now the only one: stepping down is refused with the reason.
  await page.getByTestId("admin-user-search").fill(admin.login);
  const self = page.locator(`[data-testid="admin-user"][data-username="${admin.login}"]`);
  await self.getByRole("button", { name: "Remove super admin" }).click();
  await expect(page.getByTestId("admin-error")).toHaveText(
    "At least one super admin must remain: make someone else a super admin first.",
  );
  await expect(self.getByTestId("super-admin-badge")).toBeVisible();

  await page.getByTestId("admin-mailbox-link").click();
  await expect(page.getByTestId("page-heading")).toHaveText("Mailbox");
  await expect(page.getByTestId("admin-mailbox")).toBeVisible();
});

test("a member who is no super admin gets no admin pages", async ({ page, request }) => {
  const user = await registerUser(request, "plain");
  await signIn(page, user.login, user.password);
  await expect(page.getByTestId("nav-admin")).toHaveCount(0);
  const answer = await page.goto("/admin");
  expect(answer?.status()).toBe(404);
});
