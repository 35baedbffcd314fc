import { jobs, runDueJobs } from "@guildhall/core/scheduler";
import { ticketStream } from "@guildhall/core/tickets";
import { tinyPng } from "@guildhall/core/testing";
import { schema } from "@guildhall/db";
import { eq, inArray } from "drizzle-orm";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getOpenApiDocument } from "../src/openapi/document";
import { resetRateLimiters } from "../src/middleware/rate-limit";
import { failure, outcome, ticketKit } from "./support/tickets";
import { useWorld } from "./support/world";

// Uploads go to a folder of this test file, through the real local storage.
const uploads = mkdtempSync(join(tmpdir(), "gh-tickets-"));
vi.stubEnv("UPLOAD_DIR", uploads);
afterAll(() => rmSync(uploads, { recursive: true, force: true }));

const fixture = useWorld();
const kit = ticketKit(fixture);
const as = (role: Parameters<typeof fixture.world.caller>[0]) => fixture.world.caller(role);
const alpha = { hubSlug: "alpha" };
const minute = 60_000;

beforeEach(() => resetRateLimiters());

describe("SLA policies", () => {
  it("set due times on new tickets, flag breaches and filter on them", async () => {
    const staff = as("moderator");
    expect(
      await outcome(
        as("member").tickets.sla.set({
          ...alpha,
          category: "Bug",
          firstResponseMinutes: 60,
          resolutionMinutes: 240,
        }),
      ),
    ).toBe("PERMISSION_DENIED");
    const unknown = await failure(
      staff.tickets.sla.set({
        ...alpha,
        category: "Refunds",
        firstResponseMinutes: 1,
        resolutionMinutes: 2,
      }),
    );
    expect(Object.keys(unknown.fieldErrors)).toEqual(["category"]);
    const backwards = await failure(
      staff.tickets.sla.set({
        ...alpha,
        category: "Bug",
        firstResponseMinutes: 60,
        resolutionMinutes: 30,
      }),
    );
    expect(Object.keys(backwards.fieldErrors)).toEqual(["resolutionMinutes"]);
    const policy = await staff.tickets.sla.set({
      ...alpha,
      category: "bug",
      firstResponseMinutes: 60,
      resolutionMinutes: 240,
    });
    expect(policy).toMatchObject({
      category: "Bug",
      firstResponseMinutes: 60,
      resolutionMinutes: 240,
    });
    expect((await staff.tickets.sla.list(alpha)).items.map((p) => p.category)).toEqual(["Bug"]);
    expect((await kit.audit("slaPolicy.set", policy.id)).length).toBe(1);

    const { caller } = await kit.newMember();
    const ticket = await kit.open(caller, { category: "Bug" });
    expect(ticket.firstResponseDueAt!.getTime() - ticket.createdAt.getTime()).toBe(60 * minute);
    expect(ticket.resolutionDueAt!.getTime() - ticket.createdAt.getTime()).toBe(240 * minute);
    const other = await kit.open((await kit.newMember()).caller, { category: "Support" });
    expect(other.firstResponseDueAt).toBeNull();
    const onIt = { ...alpha, ticketId: ticket.id };
    expect((await staff.tickets.get(onIt)).breached).toBe(false);

    // Two hours pass without an answer.
    await fixture.db.db
      .update(schema.tickets)
      .set({
        createdAt: new Date(ticket.createdAt.getTime() - 120 * minute),
        firstResponseDueAt: new Date(ticket.firstResponseDueAt!.getTime() - 120 * minute),
        resolutionDueAt: new Date(ticket.resolutionDueAt!.getTime() - 120 * minute),
      })
      .where(eq(schema.tickets.id, ticket.id));
    expect((await staff.tickets.get(onIt)).breached).toBe(true);
    const breached = await staff.tickets.list({ ...alpha, breached: "true", limit: 100 });
    expect(breached.items.map((t) => t.id)).toEqual([ticket.id]);
    const fine = await staff.tickets.list({ ...alpha, breached: "false", limit: 100 });
    expect(fine.items.map((t) => t.id)).toContain(other.id);
    expect(fine.items.map((t) => t.id)).not.toContain(ticket.id);
    // A late answer stays a breach; the requester sees the flag too.
    await staff.tickets.messages.send({ ...onIt, body: "Sorry for the wait." });
    const answered = await caller.tickets.get(onIt);
    expect(answered.firstRespondedAt).not.toBeNull();
    expect(answered.breached).toBe(true);

    // A category change takes the new category's policy (none for Support).
    const moved = await staff.tickets.update({ ...onIt, category: "Support" });
    expect(moved.firstResponseDueAt).toBeNull();
    expect((await staff.tickets.get(onIt)).breached).toBe(false);

    expect(await staff.tickets.sla.delete({ ...alpha, category: "bug" })).toEqual({
      deleted: true,
    });
    expect(await outcome(staff.tickets.sla.delete({ ...alpha, category: "Bug" }))).toBe(
      "SLA_POLICY_NOT_FOUND",
    );
    expect((await kit.audit("slaPolicy.delete", policy.id)).length).toBe(1);
  });
});

describe("canned replies", () => {
  it("are kept per hub by staff, with audit rows", async () => {
    const staff = as("moderator");
    expect(await outcome(as("member").tickets.cannedReplies.list(alpha))).toBe("PERMISSION_DENIED");
    const reply = await staff.tickets.cannedReplies.create({
      ...alpha,
      title: "Restart",
      body: "Please restart the app and try again.",
    });
    // The same request again is harmless; another body under the title is not.
    expect(
      (await staff.tickets.cannedReplies.create({ ...alpha, title: "Restart", body: reply.body }))
        .id,
    ).toBe(reply.id);
    const taken = await failure(
      staff.tickets.cannedReplies.create({ ...alpha, title: "Restart", body: "Something else" }),
    );
    expect(taken.code).toBe("CONFLICT");
    expect(Object.keys(taken.fieldErrors)).toEqual(["title"]);
    const second = await staff.tickets.cannedReplies.create({
      ...alpha,
      title: "Logs",
      body: "Send us logs.",
    });
    expect(
      await outcome(
        staff.tickets.cannedReplies.update({ ...alpha, replyId: second.id, title: "Restart" }),
      ),
    ).toBe("CONFLICT");
    const updated = await staff.tickets.cannedReplies.update({
      ...alpha,
      replyId: second.id,
      body: "Send us the log file.",
    });
    expect(updated).toMatchObject({ title: "Logs", body: "Send us the log file." });
    expect((await staff.tickets.cannedReplies.list(alpha)).items.map((r) => r.title)).toEqual([
      "Logs",
      "Restart",
    ]);
    expect((await as("otherHub").tickets.cannedReplies.list({ hubSlug: "beta" })).items).toEqual(
      [],
    );
    expect(
      await outcome(
        as("otherHub").tickets.cannedReplies.delete({ hubSlug: "beta", replyId: reply.id }),
      ),
    ).toBe("CANNED_REPLY_NOT_FOUND");
    expect(await staff.tickets.cannedReplies.delete({ ...alpha, replyId: reply.id })).toEqual({
      deleted: true,
    });
    expect((await kit.audit("cannedReply.create", reply.id)).length).toBe(1);
    expect((await kit.audit("cannedReply.update", second.id)).length).toBe(1);
    expect((await kit.audit("cannedReply.delete", reply.id)).length).toBe(1);
  });
});

describe("merging", () => {
  it("moves messages to the target and closes the merged ticket pointing to it", async () => {
    const { user, caller } = await kit.newMember();
    const target = await kit.open(caller, { subject: "App crashes" });
    await kit.age(user.id);
    const source = await kit.open(caller, {
      subject: "Crash again",
      description: "It crashed again today.",
    });
    const first = await caller.tickets.messages.send({
      ...alpha,
      ticketId: source.id,
      body: "Log attached",
    });
    const note = await as("moderator").tickets.messages.send({
      ...alpha,
      ticketId: source.id,
      body: "dup",
      internal: true,
    });
    const onSource = { ...alpha, ticketId: source.id };
    expect(await outcome(caller.tickets.merge({ ...onSource, targetTicketId: target.id }))).toBe(
      "PERMISSION_DENIED",
    );
    expect(
      Object.keys(
        (await failure(as("moderator").tickets.merge({ ...onSource, targetTicketId: source.id })))
          .fieldErrors,
      ),
    ).toEqual(["targetTicketId"]);
    const result = await as("moderator").tickets.merge({ ...onSource, targetTicketId: target.id });
    expect(result).toEqual({ ticketId: source.id, mergedIntoId: target.id, movedMessages: 2 });

    const merged = await caller.tickets.get(onSource);
    expect(merged).toMatchObject({ status: "closed", mergedIntoId: target.id });
    expect(merged.closeReason).toBe(`Merged into #${target.number}`);
    const moved = await as("moderator").tickets.messages.list({ ...alpha, ticketId: target.id });
    expect(moved.items.map((m) => m.id).slice(1)).toEqual([note.id, first.id]);
    expect(moved.items[0]!.body).toContain(`Merged from #${source.number}: Crash again`);
    expect(moved.items[0]!.authorId).toBe(user.id);
    // The requester sees the moved public messages, not the note.
    const theirs = await caller.tickets.messages.list({ ...alpha, ticketId: target.id });
    expect(theirs.items.map((m) => m.id)).not.toContain(note.id);

    expect(await outcome(caller.tickets.reopen(onSource))).toBe("TICKET_MERGED");
    expect(
      await outcome(as("moderator").tickets.merge({ ...onSource, targetTicketId: target.id })),
    ).toBe("TICKET_MERGED");
    await caller.tickets.close({ ...alpha, ticketId: target.id });
    const third = await kit.open(as("moderator"));
    expect(
      await outcome(
        as("moderator").tickets.merge({ ...alpha, ticketId: third.id, targetTicketId: target.id }),
      ),
    ).toBe("TICKET_CLOSED");
    expect((await kit.audit("ticket.merge", source.id)).length).toBe(1);

    const sourceEvents = (await kit.events(ticketStream(source.id))).map((e) => [
      e.type,
      Object.keys((e.payload.changes as object | undefined) ?? {}).join(","),
    ]);
    expect(sourceEvents.slice(-2)).toEqual([
      ["ticket.updated", "mergedIntoId"],
      ["ticket.updated", "status,closedAt,closeReason"],
    ]);
    const targetEvents = (await kit.events(ticketStream(target.id))).map((e) => e.type);
    expect(targetEvents.slice(0, 2)).toEqual(["message.created", "ticket.updated"]);
  });
});

describe("search", () => {
  it("finds tickets by subject, description and messages, hiding internal notes from requesters", async () => {
    const { caller } = await kit.newMember();
    const bySubject = await kit.open(caller, { subject: "Flamingo colour wrong" });
    const { caller: second } = await kit.newMember();
    const byMessage = await kit.open(second, { subject: "Odd thing" });
    await second.tickets.messages.send({
      ...alpha,
      ticketId: byMessage.id,
      body: "The flamingo is grey",
    });
    await as("moderator").tickets.messages.send({
      ...alpha,
      ticketId: bySubject.id,
      body: "Walrus related, see the other report",
      internal: true,
    });
    const ids = async (who: typeof caller, q: string) =>
      (await who.tickets.list({ ...alpha, q, limit: 100 })).items.map((t) => t.id).sort();
    expect(await ids(as("moderator"), "flamingo")).toEqual([bySubject.id, byMessage.id].sort());
    expect(await ids(caller, "flamingo")).toEqual([bySubject.id]);
    expect(await ids(as("moderator"), "walrus")).toEqual([bySubject.id]);
    expect(await ids(caller, "walrus")).toEqual([]);
    expect(await ids(as("moderator"), '"flamingo is grey"')).toEqual([byMessage.id]);
    expect(await ids(as("moderator"), "flamingo -grey")).toEqual([bySubject.id]);
    expect(await ids(as("moderator"), "&|!(")).toEqual([]);
  });
});

describe("transcripts", () => {
  it("are built on close in Markdown and escaped HTML, without internal notes", async () => {
    const { user, caller } = await kit.newMember();
    const ticket = await kit.open(caller, { subject: "Page shows <b>raw</b> tags" });
    const onIt = { ...alpha, ticketId: ticket.id };
    expect(await outcome(caller.tickets.transcript(onIt))).toBe("TRANSCRIPT_NOT_FOUND");
    await caller.tickets.messages.send({
      ...onIt,
      body: '**Bold** and <script>alert("x")</script> & more',
    });
    await as("moderator").tickets.messages.send({ ...onIt, body: "secret note", internal: true });
    await as("moderator").tickets.messages.send({ ...onIt, body: "Fixed, thanks!" });
    await as("moderator").tickets.close({ ...onIt, reason: "Solved <fast>" });

    const md = await caller.tickets.transcript(onIt);
    expect(md).toMatchObject({ format: "markdown", filename: `ticket-${ticket.number}.md` });
    expect(md.content).toContain(`# Ticket #${ticket.number}: Page shows <b>raw</b> tags`);
    expect(md.content).toContain('**Bold** and <script>alert("x")</script> & more');
    expect(md.content).toContain(`Opened by ${user.username}`);
    expect(md.content).toContain("Closed by moderatoruser");
    expect(md.content).not.toContain("secret note");

    const html = (await caller.tickets.transcript({ ...onIt, format: "html" })).content;
    expect(html).toContain("Page shows &lt;b&gt;raw&lt;/b&gt; tags");
    expect(html).toContain(
      "**Bold** and &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more",
    );
    expect(html).toContain("Reason: Solved &lt;fast&gt;");
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<b>raw");
    expect(html).not.toContain("secret note");
    expect(html.indexOf("Fixed, thanks!")).toBeGreaterThan(html.indexOf("**Bold**"));
  });

  it("are not kept when the hub switched transcripts off", async () => {
    await as("admin").config.updateSection({
      ...alpha,
      section: "tickets",
      data: { transcript_enabled: false },
    });
    try {
      const { caller } = await kit.newMember();
      const ticket = await kit.open(caller);
      await caller.tickets.close({ ...alpha, ticketId: ticket.id });
      expect(await outcome(caller.tickets.transcript({ ...alpha, ticketId: ticket.id }))).toBe(
        "TRANSCRIPT_NOT_FOUND",
      );
    } finally {
      await as("admin").config.updateSection({
        ...alpha,
        section: "tickets",
        data: { transcript_enabled: true },
      });
    }
  });
});

describe("attachments", () => {
  const text = (s: string) => Buffer.from(s).toString("base64");

  it("accepts images by their bytes and a short list of other types, up to 5 MB", async () => {
    const { caller } = await kit.newMember();
    const ticket = await kit.open(caller);
    const onIt = { ...alpha, ticketId: ticket.id };
    const png = await caller.tickets.attachments.upload({
      ...onIt,
      name: "../../screen.png",
      data: `data:image/png;base64,${tinyPng().toString("base64")}`,
    });
    expect(png).toMatchObject({ name: "screen.png", type: "image/png", size: tinyPng().length });
    expect(png.key.startsWith(`tickets/${await kit.hubId()}/${ticket.id}/`)).toBe(true);
    const log = await caller.tickets.attachments.upload({
      ...onIt,
      name: "app.log",
      data: text("line 1\nline 2\n"),
    });
    expect(log.type).toBe("text/plain");
    const pdf = await caller.tickets.attachments.upload({
      ...onIt,
      name: "r.pdf",
      data: text("%PDF-1.7\n..."),
    });
    expect(pdf.type).toBe("application/pdf");
    for (const [name, data] of [
      ["setup.exe", text("MZ\u0000\u0001binary")],
      ["fake.png", text("not an image at all")],
      ["notes.txt", text("text with a \u0000 byte")],
      ["big.txt", Buffer.alloc(5 * 1024 * 1024 + 1, 97).toString("base64")],
      ["bad.txt", "***not base64***"],
    ] as const) {
      const refused = await failure(caller.tickets.attachments.upload({ ...onIt, name, data }));
      expect(refused.code, name).toBe("INVALID_ATTACHMENT");
      expect(Object.keys(refused.fieldErrors), name).toEqual(["data"]);
    }
  });

  it("attaches uploads of the same ticket to messages and serves them to who may see them", async () => {
    const { caller } = await kit.newMember();
    const ticket = await kit.open(caller);
    const onIt = { ...alpha, ticketId: ticket.id };
    const png = await caller.tickets.attachments.upload({
      ...onIt,
      name: "s.png",
      data: tinyPng().toString("base64"),
    });
    const message = await caller.tickets.messages.send({
      ...onIt,
      body: "Screenshot",
      attachments: [{ key: png.key, name: "shot.png" }],
    });
    expect(message.attachments).toEqual([
      { key: png.key, name: "shot.png", size: png.size, type: "image/png" },
    ]);
    const fileId = png.key.split("/").at(-1)!.split(".")[0]!;
    const file = await as("moderator").tickets.attachments.get({ ...onIt, fileId });
    expect(Buffer.from(file.data, "base64").equals(tinyPng())).toBe(true);
    expect(file).toMatchObject({ name: "shot.png", type: "image/png" });

    // Another ticket's upload, or a made-up key, cannot be attached.
    const { caller: other } = await kit.newMember();
    const otherTicket = await kit.open(other);
    const foreign = await other.tickets.attachments.upload({
      ...alpha,
      ticketId: otherTicket.id,
      name: "a.txt",
      data: text("hello"),
    });
    for (const key of [foreign.key, `${png.key.slice(0, -4)}.txt`, "avatars/x.png"]) {
      const refused = await failure(
        caller.tickets.messages.send({ ...onIt, body: "x", attachments: [{ key, name: "a" }] }),
      );
      expect(refused.code).toBe("INVALID_ATTACHMENT");
      expect(Object.keys(refused.fieldErrors)).toEqual(["attachments.0.key"]);
    }
    expect(await outcome(other.tickets.attachments.get({ ...onIt, fileId }))).toBe(
      "TICKET_NOT_FOUND",
    );

    // A file on an internal note is for staff only.
    const secret = await as("moderator").tickets.attachments.upload({
      ...onIt,
      name: "n.txt",
      data: text("x"),
    });
    await as("moderator").tickets.messages.send({
      ...onIt,
      body: "note",
      internal: true,
      attachments: [{ key: secret.key, name: "n.txt" }],
    });
    const secretId = secret.key.split("/").at(-1)!.split(".")[0]!;
    expect(await outcome(caller.tickets.attachments.get({ ...onIt, fileId: secretId }))).toBe(
      "ATTACHMENT_NOT_FOUND",
    );
    expect(
      await outcome(as("moderator").tickets.attachments.get({ ...onIt, fileId: secretId })),
    ).toBe("ok");

    // Deleting the ticket removes its files.
    const folder = join(uploads, "tickets", await kit.hubId(), ticket.id);
    expect(readdirSync(folder).length).toBeGreaterThan(0);
    await as("admin").tickets.delete(onIt);
    expect(existsSync(folder)).toBe(false);
  });
});

describe("scheduled jobs", () => {
  it("close idle tickets after auto_close_hours and delete closed ones after the retention days", async () => {
    await as("admin").config.updateSection({
      ...alpha,
      section: "tickets",
      data: { auto_close_hours: 24 },
    });
    const { caller } = await kit.newMember();
    const idle = await kit.open(caller);
    const staff = as("moderator");
    const busy = await kit.open(staff);
    const now = Date.now();
    // The busy ticket had activity 2 hours before the job runs.
    await fixture.db.db
      .update(schema.tickets)
      .set({ lastActivityAt: new Date(now + 23 * 3_600_000) })
      .where(eq(schema.tickets.id, busy.id));

    const closeAt = new Date(now + 25 * 3_600_000);
    expect(await runDueJobs(fixture.db.db, jobs, closeAt)).toEqual(
      expect.arrayContaining(["auto-close-tickets", "purge-closed-tickets"]),
    );
    const closed = await caller.tickets.get({ ...alpha, ticketId: idle.id });
    expect(closed).toMatchObject({ status: "closed", closedBy: null });
    expect(closed.closedAt?.getTime()).toBe(closeAt.getTime());
    expect(closed.closeReason).toContain("24 hours");
    expect((await staff.tickets.get({ ...alpha, ticketId: busy.id })).status).toBe("open");
    expect((await caller.tickets.transcript({ ...alpha, ticketId: idle.id })).content).toContain(
      "Closed by system",
    );
    const events = (await kit.events(ticketStream(idle.id))).map((e) => e.type);
    expect(events).toEqual(["ticket.updated"]);

    // A ticket merged into another is closed; it is purged with its stream like any other.
    const merged = await kit.open(staff);
    await staff.tickets.merge({ ...alpha, ticketId: merged.id, targetTicketId: busy.id });
    expect(await kit.events(ticketStream(merged.id))).not.toEqual([]);

    // Seven days (the default) after closing, the ticket is deleted; a day earlier it is not.
    const purgeEarly = new Date(closeAt.getTime() + 6 * 86_400_000);
    await runDueJobs(fixture.db.db, jobs, purgeEarly);
    expect(await outcome(caller.tickets.get({ ...alpha, ticketId: idle.id }))).toBe("ok");
    await runDueJobs(fixture.db.db, jobs, new Date(closeAt.getTime() + 7 * 86_400_000 + 1000));
    expect(await outcome(caller.tickets.get({ ...alpha, ticketId: idle.id }))).toBe(
      "TICKET_NOT_FOUND",
    );
    expect(await outcome(staff.tickets.get({ ...alpha, ticketId: merged.id }))).toBe(
      "TICKET_NOT_FOUND",
    );
    // Their event streams go with them, in the same transaction.
    const streams = [ticketStream(idle.id), ticketStream(merged.id)];
    expect(await kit.events(...streams)).toEqual([]);
    const heads = await fixture.db.db
      .select()
      .from(schema.realtimeStreams)
      .where(inArray(schema.realtimeStreams.stream, streams));
    expect(heads).toEqual([]);
    expect((await kit.audit("ticket.purge", idle.id)).length).toBe(1);
    await as("admin").config.updateSection({
      ...alpha,
      section: "tickets",
      data: { auto_close_hours: 0 },
    });
  });
});

describe("REST", () => {
  it("documents every ticket operation in the OpenAPI document", () => {
    const paths = getOpenApiDocument("http://localhost").paths ?? {};
    const methods = (path: string) => Object.keys(paths[path] ?? {}).sort();
    const base = "/hubs/{hubSlug}/tickets";
    expect(methods(base)).toEqual(["get", "post"]);
    expect(methods(`${base}/unread`)).toEqual(["get"]);
    expect(methods(`${base}/{ticketId}`)).toEqual(["delete", "get", "patch"]);
    expect(methods(`${base}/{ticketId}/assignee`)).toEqual(["delete", "put"]);
    for (const action of ["claim", "close", "reopen", "read", "merge"])
      expect(methods(`${base}/{ticketId}/${action}`)).toEqual(["post"]);
    expect(methods(`${base}/{ticketId}/transcript`)).toEqual(["get"]);
    expect(methods(`${base}/{ticketId}/messages`)).toEqual(["get", "post"]);
    expect(methods(`${base}/{ticketId}/messages/{messageId}`)).toEqual(["patch"]);
    expect(methods(`${base}/{ticketId}/attachments`)).toEqual(["post"]);
    expect(methods(`${base}/{ticketId}/attachments/{fileId}`)).toEqual(["get"]);
    expect(methods(`${base}/canned-replies`)).toEqual(["get", "post"]);
    expect(methods(`${base}/canned-replies/{replyId}`)).toEqual(["delete", "patch"]);
    expect(methods(`${base}/sla-policies`)).toEqual(["get"]);
    expect(methods(`${base}/sla-policies/{category}`)).toEqual(["delete", "put"]);
  });
});
