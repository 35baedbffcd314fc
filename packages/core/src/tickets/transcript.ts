import { schema, type DbOrTx } from "@guildhall/db";
import { and, asc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { AppError } from "../errors";
import type { HubActor } from "../access";
import { findTicket, type TicketRow } from "./access";

export interface TranscriptMessage {
  author: string;
  body: string;
  createdAt: Date;
  attachments: { name: string; size: number }[];
}

export interface TranscriptSource {
  ticket: Pick<
    TicketRow,
    "number" | "subject" | "description" | "category" | "closeReason" | "createdAt" | "closedAt"
  >;
  openedBy: string;
  closedBy: string;
  messages: TranscriptMessage[];
}

const GONE = "(deleted user)";

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

const iso = (date: Date | null) => (date ? date.toISOString() : "");

/** Markdown: bodies as written (they are Markdown already). */
export function transcriptMarkdown(source: TranscriptSource): string {
  const { ticket } = source;
  const lines = [
    `# Ticket #${ticket.number}: ${ticket.subject}`,
    "",
    `- Category: ${ticket.category}`,
    `- Opened by ${source.openedBy} at ${iso(ticket.createdAt)}`,
    `- Closed by ${source.closedBy} at ${iso(ticket.closedAt)}`,
    ...(ticket.closeReason ? [`- Reason: ${ticket.closeReason}`] : []),
    "",
    "## Description",
    "",
    ticket.description,
    "",
    "## Messages",
  ];
  for (const message of source.messages) {
    lines.push("", `### ${message.author} — ${iso(message.createdAt)}`, "", message.body);
    for (const file of message.attachments)
      lines.push(`- Attachment: ${file.name} (${file.size} bytes)`);
  }
  return `${lines.join("\n")}\n`;
}

/** HTML: every piece of user text escaped; line breaks kept. */
export function transcriptHtml(source: TranscriptSource): string {
  const { ticket } = source;
  const text = (value: string) => escapeHtml(value).replace(/\r?\n/g, "<br>\n");
  const title = escapeHtml(`Ticket #${ticket.number}: ${ticket.subject}`);
  const messages = source.messages.map((message) => {
    const files = message.attachments
      .map((file) => `<li>${escapeHtml(file.name)} (${file.size} bytes)</li>`)
      .join("");
    return [
      "<article>",
      `<header><strong>${escapeHtml(message.author)}</strong> <time datetime="${iso(message.createdAt)}">${iso(message.createdAt)}</time></header>`,
      `<div class="body">${text(message.body)}</div>`,
      files ? `<ul class="attachments">${files}</ul>` : "",
      "</article>",
    ].join("\n");
  });
  return [
    "<!doctype html>",
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${title}</title>`,
    "<style>body{font-family:sans-serif;max-width:48rem;margin:auto}article{border-top:1px solid #ccc;padding:.5rem 0}time{color:#666}</style>",
    "</head><body>",
    `<h1>${title}</h1>`,
    "<ul>",
    `<li>Category: ${escapeHtml(ticket.category)}</li>`,
    `<li>Opened by ${escapeHtml(source.openedBy)} at ${iso(ticket.createdAt)}</li>`,
    `<li>Closed by ${escapeHtml(source.closedBy)} at ${iso(ticket.closedAt)}</li>`,
    ticket.closeReason ? `<li>Reason: ${escapeHtml(ticket.closeReason)}</li>` : "",
    "</ul>",
    "<h2>Description</h2>",
    `<div class="body">${text(ticket.description)}</div>`,
    "<h2>Messages</h2>",
    ...messages,
    "</body></html>",
    "",
  ].join("\n");
}

async function usernameOf(tx: DbOrTx, userId: string | null): Promise<string> {
  if (!userId) return GONE;
  const [user] = await tx
    .select({ username: schema.users.username })
    .from(schema.users)
    .where(eq(schema.users.id, userId));
  return user?.username ?? GONE;
}

/**
 * Builds and stores the transcript of a just-closed ticket (replacing one from
 * an earlier close). Internal notes are left out: the requester may read it.
 */
export async function storeTranscript(tx: DbOrTx, ticket: TicketRow, closedByName?: string) {
  const m = schema.ticketMessages;
  const author = alias(schema.users, "author");
  const rows = await tx
    .select({
      author: author.username,
      body: m.body,
      createdAt: m.createdAt,
      attachments: m.attachments,
    })
    .from(m)
    .leftJoin(author, eq(author.id, m.authorId))
    .where(and(eq(m.ticketId, ticket.id), eq(m.internal, false)))
    .orderBy(asc(m.id));
  const source: TranscriptSource = {
    ticket,
    openedBy: await usernameOf(tx, ticket.createdBy),
    closedBy: closedByName ?? (ticket.closedBy ? await usernameOf(tx, ticket.closedBy) : "system"),
    messages: rows.map((row) => ({ ...row, author: row.author ?? GONE })),
  };
  const values = {
    ticketId: ticket.id,
    hubId: ticket.hubId,
    markdown: transcriptMarkdown(source),
    html: transcriptHtml(source),
    createdAt: new Date(),
  };
  await tx
    .insert(schema.ticketTranscripts)
    .values(values)
    .onConflictDoUpdate({
      target: schema.ticketTranscripts.ticketId,
      set: { markdown: values.markdown, html: values.html, createdAt: values.createdAt },
    });
}

/** The stored transcript of a ticket the actor may see, in one format. */
export async function getTranscript(
  db: DbOrTx,
  actor: HubActor,
  ticketId: string,
  format: "markdown" | "html",
) {
  const ticket = await findTicket(db, actor, ticketId);
  const [row] = await db
    .select()
    .from(schema.ticketTranscripts)
    .where(
      and(
        eq(schema.ticketTranscripts.ticketId, ticket.id),
        eq(schema.ticketTranscripts.hubId, actor.hubId),
      ),
    );
  if (!row) throw new AppError("TRANSCRIPT_NOT_FOUND");
  return {
    ticketId: ticket.id,
    format,
    filename: `ticket-${ticket.number}.${format === "html" ? "html" : "md"}`,
    contentType: format === "html" ? "text/html; charset=utf-8" : "text/markdown; charset=utf-8",
    content: format === "html" ? row.html : row.markdown,
    createdAt: row.createdAt,
  };
}
