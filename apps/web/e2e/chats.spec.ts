import { expect, test } from "@playwright/test";
import { admin, registerUser, shots, signIn } from "./support";

test("two people chat privately: live messages, unread badge, reply, edit, typing", async ({
  browser,
  request,
}) => {
  const friend = await registerUser(request, "friend");
  const adminContext = await browser.newContext();
  const friendContext = await browser.newContext();
  const adminPage = await adminContext.newPage();
  const friendPage = await friendContext.newPage();
  try {
    await signIn(adminPage, admin.login, admin.password);
    await signIn(friendPage, friend.login, friend.password);
    await friendPage.goto("/messages");
    await expect(friendPage.getByTestId("page-heading")).toHaveText("Messages");

    // The admin starts a chat by username and writes first.
    await adminPage.goto("/messages");
    await adminPage.getByLabel("Username").fill(friend.login);
    await adminPage.getByRole("button", { name: "Start chat" }).click();
    await expect(adminPage.getByTestId("chat-title")).toHaveText(friend.login);
    await adminPage.getByLabel("Message").fill("Are you coming to the convoy tonight?");
    await adminPage.getByRole("button", { name: "Send" }).click();
    await expect(adminPage.getByTestId("messages")).toContainText("Are you coming");

    // The friend's list shows the new chat with an unread badge, without reloading.
    await expect(friendPage.getByTestId("unread-badge")).toHaveText("1");
    await friendPage.getByTestId("chat-link").first().click();
    await expect(friendPage.getByTestId("messages")).toContainText("Are you coming");
    await expect(friendPage.getByTestId("unread-badge")).toHaveCount(0);

    // Typing shows on the other side; a reply quotes its target.
    await friendPage.getByLabel("Message").fill("Yes");
    await expect(adminPage.getByTestId("typing")).toContainText(friend.login);
    await friendPage.getByRole("button", { name: "Reply" }).first().click();
    await friendPage.getByLabel("Message").fill("Yes, with the new truck.");
    await friendPage.getByRole("button", { name: "Send" }).click();
    await expect(adminPage.getByTestId("messages")).toContainText("Yes, with the new truck.");
    await expect(adminPage.getByTestId("reply-quote")).toContainText("Are you coming");

    // Editing your own message reaches the other side live.
    const mine = adminPage.getByTestId("message").filter({ hasText: "Are you coming" });
    await mine.getByRole("button", { name: "Edit" }).click();
    await adminPage.getByLabel("Message").fill("Are you coming to the convoy at eight?");
    await adminPage.getByRole("button", { name: "Save" }).click();
    await expect(friendPage.getByTestId("messages")).toContainText("at eight?");
    await expect(friendPage.getByTestId("messages")).toContainText("edited");
    await friendPage.screenshot({ path: `${shots}/chat-friend.png`, fullPage: true });
    await adminPage.screenshot({ path: `${shots}/chat-admin.png`, fullPage: true });
  } finally {
    await adminContext.close();
    await friendContext.close();
  }
});
