import { describe, expect, it } from "vitest";
import {
  cleanFileName,
  cooldownLeft,
  detectAttachmentType,
  escapeHtml,
  isSlaBreached,
  isTicketStaff,
  matchCategory,
  normalizeTags,
  preview,
  slaDueTimes,
  transcriptHtml,
  transcriptMarkdown,
  type TranscriptSource,
} from "../src/tickets";
import { tinyPng } from "../src/testing/images";

const at = (iso: string) => new Date(iso);

describe("ticket rules", () => {
  it("counts the create cooldown down from the last ticket", () => {
    const last = at("2026-05-01T10:00:00Z");
    expect(cooldownLeft(null, last, 60)).toBeNull();
    expect(cooldownLeft(last, at("2026-05-01T10:00:00Z"), 60)).toEqual({
      minutes: 60,
      seconds: 0,
      totalSeconds: 3600,
    });
    expect(cooldownLeft(last, at("2026-05-01T10:15:30.200Z"), 60)).toEqual({
      minutes: 44,
      seconds: 30,
      totalSeconds: 2670,
    });
    expect(cooldownLeft(last, at("2026-05-01T11:00:00Z"), 60)).toBeNull();
    // The hub's cooldown_minutes: 1 minute, or 0 for none.
    expect(cooldownLeft(last, at("2026-05-01T10:00:20Z"), 1)).toEqual({
      minutes: 0,
      seconds: 40,
      totalSeconds: 40,
    });
    expect(cooldownLeft(last, last, 0)).toBeNull();
  });

  it("treats ticket.manage and super admins as staff", () => {
    expect(isTicketStaff({ superAdmin: false, permissions: new Set(["ticket.read"]) })).toBe(false);
    expect(isTicketStaff({ superAdmin: false, permissions: new Set(["ticket.manage"]) })).toBe(
      true,
    );
    expect(isTicketStaff({ superAdmin: true, permissions: new Set() })).toBe(true);
  });

  it("sets SLA due times from creation and flags late answers and resolutions", () => {
    const created = at("2026-05-01T10:00:00Z");
    expect(slaDueTimes(created, null)).toEqual({ firstResponseDueAt: null, resolutionDueAt: null });
    const due = slaDueTimes(created, { firstResponseMinutes: 30, resolutionMinutes: 120 });
    expect(due).toEqual({
      firstResponseDueAt: at("2026-05-01T10:30:00Z"),
      resolutionDueAt: at("2026-05-01T12:00:00Z"),
    });
    const ticket = { ...due, firstRespondedAt: null, closedAt: null };
    expect(isSlaBreached(ticket, at("2026-05-01T10:29:00Z"))).toBe(false);
    expect(isSlaBreached(ticket, at("2026-05-01T10:31:00Z"))).toBe(true);
    const answered = { ...ticket, firstRespondedAt: at("2026-05-01T10:20:00Z") };
    expect(isSlaBreached(answered, at("2026-05-01T11:00:00Z"))).toBe(false);
    expect(isSlaBreached(answered, at("2026-05-01T12:01:00Z"))).toBe(true);
    const resolved = { ...answered, closedAt: at("2026-05-01T11:00:00Z") };
    expect(isSlaBreached(resolved, at("2026-06-01T00:00:00Z"))).toBe(false);
    const none = { ...slaDueTimes(created, null), firstRespondedAt: null, closedAt: null };
    expect(isSlaBreached(none, at("2030-01-01T00:00:00Z"))).toBe(false);
  });

  it("normalizes tags, previews and file names; matches categories case-insensitively", () => {
    expect(normalizeTags([" VIP", "vip", "billing", ""])).toEqual(["vip", "billing"]);
    expect(preview("short")).toBe("short");
    expect(preview("x".repeat(300))).toHaveLength(201);
    expect(cleanFileName("C:\\Users\\me\\report.pdf")).toBe("report.pdf");
    expect(cleanFileName("../\u0000evil.txt")).toBe("evil.txt");
    expect(cleanFileName("///")).toBe("file");
    expect(matchCategory(["Application", "Bug"], " bug ")).toBe("Bug");
    expect(() => matchCategory(["Application"], "Bug")).toThrow("VALIDATION_FAILED");
  });

  it("detects attachment types from the bytes, text only by a text name", () => {
    expect(detectAttachmentType(tinyPng(), "whatever.bin")).toBe("image/png");
    expect(detectAttachmentType(Buffer.from("%PDF-1.4 ..."), "x")).toBe("application/pdf");
    expect(detectAttachmentType(Buffer.from("héllo\n"), "notes.md")).toBe("text/plain");
    expect(detectAttachmentType(Buffer.from("hello"), "hello.exe")).toBeNull();
    expect(detectAttachmentType(Buffer.from([0x68, 0x00, 0x69]), "a.txt")).toBeNull();
    expect(detectAttachmentType(Buffer.from([0xff, 0xfe, 0x41]), "a.txt")).toBeNull();
  });
});

describe("transcripts", () => {
  const source: TranscriptSource = {
    ticket: {
      number: 7,
      subject: "<img src=x onerror=alert(1)>",
      description: "Line one\nLine <two>",
      category: "Bug",
      closeReason: "Done & dusted",
      createdAt: at("2026-05-01T10:00:00Z"),
      closedAt: at("2026-05-01T11:00:00Z"),
    },
    openedBy: "alice",
    closedBy: "bob<script>",
    messages: [
      {
        author: "alice",
        body: "**bold** 'quoted' \"double\"",
        createdAt: at("2026-05-01T10:05:00Z"),
        attachments: [{ name: "<x>.png", size: 10 }],
      },
    ],
  };

  it("escapes every piece of user text in HTML", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;",
    );
    const html = transcriptHtml(source);
    expect(html).toContain("<title>Ticket #7: &lt;img src=x onerror=alert(1)&gt;</title>");
    expect(html).toContain("Line one<br>\nLine &lt;two&gt;");
    expect(html).toContain("Closed by bob&lt;script&gt;");
    expect(html).toContain("**bold** &#39;quoted&#39; &quot;double&quot;");
    expect(html).toContain("<li>&lt;x&gt;.png (10 bytes)</li>");
    expect(html).toContain("Reason: Done &amp; dusted");
    expect(html).not.toMatch(/<img|<script|<x>/);
  });

  it("keeps Markdown bodies as written", () => {
    const md = transcriptMarkdown(source);
    expect(md).toContain("# Ticket #7: <img src=x onerror=alert(1)>");
    expect(md).toContain("### alice — 2026-05-01T10:05:00.000Z\n\n**bold** 'quoted' \"double\"");
    expect(md).toContain("- Attachment: <x>.png (10 bytes)");
  });
});
