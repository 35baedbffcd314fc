import { expect, test, type APIRequestContext } from "@playwright/test";
import { accessToken, admin, registerUser, shots, signIn } from "./support";

/** A member of the demo hub, made over REST: register, then join with an admin's invite. */
async function makeMember(request: APIRequestContext) {
  const member = await registerUser(request);
  const invite = (await (
    await request.post("/api/v1/hubs/demo/invites", {
      headers: {
        authorization: `Bearer ${await accessToken(request, admin.login, admin.password)}`,
      },
      data: { expiresInHours: 1 },
    })
  ).json()) as { code: string };
  const accepted = await request.post(`/api/v1/invites/${invite.code}/accept`, {
    headers: {
      authorization: `Bearer ${await accessToken(request, member.login, member.password)}`,
    },
    data: {},
  });
  expect(accepted.ok()).toBe(true);
  return member;
}

test("a member and staff chat in one ticket, each seeing the other live", async ({
  browser,
  request,
}) => {
  const member = await makeMember(request);
  const memberContext = await browser.newContext();
  const staffContext = await browser.newContext();
  const memberPage = await memberContext.newPage();
  const staffPage = await staffContext.newPage();
  try {
    await signIn(memberPage, member.login, member.password);
    await memberPage.goto("/hub/demo/tickets");
    await expect(memberPage.getByTestId("page-heading")).toHaveText("My tickets");
    const form = memberPage.getByTestId("new-ticket");
    await form.getByLabel("Subject").fill("Cannot join the convoy");
    await form.getByLabel("Description").fill("The server refuses my connection every evening.");
    await form.getByRole("button", { name: "Open ticket" }).click();
    await expect(memberPage.getByTestId("ticket-view")).toBeVisible();
    const ticketUrl = memberPage.url();

    await signIn(staffPage, admin.login, admin.password);
    await staffPage.goto("/hub/demo/tickets");
    await expect(staffPage.getByTestId("ticket-inbox")).toContainText("Cannot join the convoy");
    await staffPage.goto(ticketUrl);
    await expect(staffPage.getByTestId("ticket-view")).toContainText("Cannot join the convoy");
    // Who is viewing: each side sees the other.
    await expect(memberPage.getByTestId("viewers")).toContainText("admin");

    await staffPage.getByLabel("Message").fill("Which server do you use?");
    await expect(memberPage.getByTestId("typing")).toContainText("admin");
    await staffPage.getByRole("button", { name: "Send" }).click();
    await expect(memberPage.getByTestId("messages")).toContainText("Which server do you use?");

    await memberPage.getByLabel("Message").fill("The Europe 2 one.");
    await memberPage.getByTestId("attach-files").setInputFiles({
      name: "client.log",
      mimeType: "text/plain",
      buffer: Buffer.from("connection refused at 21:04\n"),
    });
    await memberPage.getByRole("button", { name: "Send" }).click();
    await expect(staffPage.getByTestId("messages")).toContainText("The Europe 2 one.");
    // The file came along, and staff can download it.
    const download = staffPage.waitForEvent("download");
    await staffPage.getByRole("button", { name: "client.log" }).click();
    expect((await download).suggestedFilename()).toBe("client.log");

    // An internal note stays with staff.
    await staffPage.getByLabel("Message").fill("Known issue, see the bug tracker.");
    await staffPage.getByLabel("Internal note (staff only)").check();
    await staffPage.getByRole("button", { name: "Send" }).click();
    await expect(staffPage.getByTestId("messages")).toContainText("Known issue");
    await staffPage.getByRole("button", { name: "Claim" }).click();
    await expect(memberPage.getByTestId("ticket-view")).toContainText("Assigned to");
    await expect(memberPage.getByTestId("messages")).not.toContainText("Known issue");
    // Markdown is rendered (bold, a safe link), never raw HTML.
    await staffPage.getByLabel("Internal note (staff only)").uncheck();
    await staffPage
      .getByLabel("Message")
      .fill("**Fixed** on our side, see [the notes](https://example.com/notes) <b>now</b>");
    await staffPage.getByRole("button", { name: "Send" }).click();
    const messages = memberPage.getByTestId("messages");
    await expect(messages.locator("strong", { hasText: "Fixed" })).toBeVisible();
    await expect(messages.getByRole("link", { name: "the notes" })).toHaveAttribute(
      "rel",
      "noopener noreferrer nofollow",
    );
    await expect(messages).toContainText("<b>now</b>");

    // Staff set a priority, tag it, and close it with a reason the member sees.
    await staffPage.getByLabel("Priority").selectOption("high");
    await expect(staffPage.getByTestId("ticket-priority")).toContainText(/high/i);
    await staffPage.getByLabel("New tag", { exact: true }).fill("network");
    await staffPage.getByRole("button", { name: "Add tag" }).click();
    await expect(staffPage.getByTestId("ticket-tags")).toContainText("network");
    await staffPage.getByRole("button", { name: "Close ticket" }).click();
    await staffPage.getByLabel("Reason for closing (optional)").fill("Fixed in the 2.1 patch");
    await staffPage.getByRole("button", { name: "Confirm close" }).click();
    await expect(memberPage.getByTestId("close-reason")).toContainText("Fixed in the 2.1 patch");

    // The inbox filters by tag, kept in the address.
    await staffPage.goto("/hub/demo/tickets?status=closed&tag=network");
    await expect(staffPage.getByTestId("ticket-inbox")).toContainText("Cannot join the convoy");
    await staffPage.goto("/hub/demo/tickets?status=closed&tag=nothing-here");
    await expect(staffPage.getByTestId("ticket-inbox")).not.toContainText("Cannot join the convoy");

    // "My tickets" lists it across hubs for the member.
    await memberPage.goto("/tickets");
    await memberPage.getByLabel("Status").selectOption("all");
    await expect(memberPage.getByTestId("my-ticket-row")).toContainText("Cannot join the convoy");
    await memberPage.goto(ticketUrl);
    await expect(memberPage.getByTestId("close-reason")).toBeVisible();
    await memberPage.screenshot({ path: `${shots}/ticket-member.png`, fullPage: true });
    await staffPage.screenshot({ path: `${shots}/ticket-staff.png`, fullPage: true });
  } finally {
    await memberContext.close();
    await staffContext.close();
  }
});
