import { expect, test } from "@playwright/test";
import { shots, signInWithPassword } from "./support";

test("an owner edits hub settings, creates a role and an invite", async ({ page }) => {
  await signInWithPassword(page);
  await expect(page.getByTestId("user-menu")).toBeVisible();
  await page.goto("/hubs");
  await page.getByTestId("my-hubs").getByRole("link", { name: "Demo Hub" }).click();
  await expect(page.getByTestId("page-heading")).toHaveText("Hub settings");
  await expect(page.getByTestId("hub-switcher")).toContainText("Demo Hub");
  await page.getByLabel("Description").fill("The demo community");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  // Saved on the server, not just shown: the page read afresh has it.
  await page.reload();
  await expect(page.getByLabel("Description")).toHaveValue("The demo community");
  await page.screenshot({ path: `${shots}/hub-settings.png`, fullPage: true });

  await page.getByTestId("hub-nav").getByRole("link", { name: "Roles" }).click();
  await expect(page.getByTestId("page-heading")).toHaveText("Roles and permissions");
  await page.getByRole("button", { name: "New role" }).click();
  const form = page.getByTestId("role-form");
  await form.getByLabel("Name").fill("Helpers");
  await form.getByLabel("Position").fill("300");
  await form.locator("fieldset", { hasText: "Members" }).getByLabel("invite and admit").check();
  await form.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("roles-panel")).toContainText("Helpers");
  await page.reload();
  await expect(page.getByTestId("roles-panel")).toContainText("Helpers");
  await page.screenshot({ path: `${shots}/hub-roles.png`, fullPage: true });

  await page.getByTestId("hub-nav").getByRole("link", { name: "Members" }).click();
  await expect(page.getByTestId("members-panel")).toContainText("@admin");
  await page.getByTestId("invites-panel").getByLabel("Role").selectOption({ label: "Helpers" });
  await page.getByRole("button", { name: "Create invite" }).click();
  await expect(page.getByTestId("invites-panel").locator("code")).toHaveCount(1);
  await page.reload();
  await expect(page.getByTestId("invites-panel").locator("code")).toHaveCount(1);
  await page.getByTestId("member-search").fill("adm");
  await page
    .getByTestId("members-panel")
    .getByRole("button", { name: "Administrator", exact: true })
    .click();
  await expect(page.getByTestId("member-detail")).toContainText("Owner");
  await page.screenshot({ path: `${shots}/hub-members.png`, fullPage: true });
});

test("configuration, sites, features and the audit log work in the browser", async ({ page }) => {
  await signInWithPassword(page);
  await expect(page.getByTestId("user-menu")).toBeVisible();

  // Configuration: a form generated from the section's schema, with server validation.
  await page.goto("/hub/demo/config");
  await page.getByTestId("config-sections").getByRole("button", { name: "Tickets" }).click();
  const editor = page.getByTestId("config-section-editor");
  await editor.getByLabel("Max open per user").fill("0");
  await editor.getByRole("button", { name: "Save" }).click();
  await expect(editor.locator(".field-error, .form-error").first()).toBeVisible();
  await editor.getByLabel("Max open per user").fill("5");
  await editor.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText(/Saved as version \d+/)).toBeVisible();
  await expect(page.getByTestId("config-version").first()).toBeVisible();
  await page.reload();
  await page.getByTestId("config-sections").getByRole("button", { name: "Tickets" }).click();
  await expect(editor.getByLabel("Max open per user")).toHaveValue("5");
  await page.screenshot({ path: `${shots}/hub-config.png`, fullPage: true });

  // Sites: create one and see the stream limit.
  await page.goto("/hub/demo/sites");
  await page.getByTestId("sites-panel").getByLabel("Name").fill("North gate");
  await page.getByRole("button", { name: "Create site" }).click();
  await expect(page.getByTestId("sites-panel")).toContainText("North gate");
  await page.reload();
  await expect(page.getByTestId("sites-panel")).toContainText("North gate");
  await page.screenshot({ path: `${shots}/hub-sites.png`, fullPage: true });

  await page.goto("/hub/demo/features");
  await expect(page.getByTestId("hub-features-panel")).toBeVisible();
  await page.screenshot({ path: `${shots}/hub-features.png`, fullPage: true });

  // The audit log shows the writes above.
  await page.goto("/hub/demo/audit");
  await expect(page.getByTestId("audit-table")).toContainText("config.update");
  await expect(page.getByTestId("audit-table")).toContainText("site.create");
  await page.screenshot({ path: `${shots}/hub-audit.png`, fullPage: true });
});
