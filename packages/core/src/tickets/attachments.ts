import { schema, uuidv7, type DbOrTx } from "@guildhall/db";
import { and, eq, sql } from "drizzle-orm";
import type { HubActor } from "../access";
import { AppError } from "../errors";
import { getStorage, inspectImage } from "../storage";
import { assertNotClosed, findTicket, visibleMessages, type TicketRow } from "./access";
import { ticketFilePrefix } from "./delete-ticket";

/** Largest upload (the message in errors.invalidAttachment names it). */
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
/** At most this many files per message. */
export const MAX_ATTACHMENTS = 5;

export type AttachmentType =
  "image/png" | "image/jpeg" | "image/gif" | "image/webp" | "application/pdf" | "text/plain";

const extensions: Record<AttachmentType, string> = {
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/gif": "gif",
  "image/webp": "webp",
  "application/pdf": "pdf",
  "text/plain": "txt",
};
const textNames = /\.(txt|log|md|csv)$/i;
/** Control characters other than tab and line breaks (not in text files). */
// eslint-disable-next-line no-control-regex
const textControls = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;
// eslint-disable-next-line no-control-regex
const nameControls = /[\u0000-\u001f\u007f]/g;

export interface Attachment {
  key: string;
  name: string;
  size: number;
  type: string;
}
/** What a client sends back from an upload to attach it to a message. */
export interface AttachmentRef {
  key: string;
  name: string;
}

function invalid(field: string): AppError {
  return new AppError(
    "INVALID_ATTACHMENT",
    {},
    { fieldErrors: { [field]: ["errors.invalidAttachment"] } },
  );
}

/**
 * The type of an upload, from its bytes: an image (signature and sane header),
 * a PDF (`%PDF-`), or UTF-8 text without control characters when the name says
 * text (.txt, .log, .md, .csv). Anything else is refused (null).
 */
export function detectAttachmentType(bytes: Buffer, name: string): AttachmentType | null {
  const image = inspectImage(bytes);
  if (image) return image.type;
  if (bytes.subarray(0, 5).toString("latin1") === "%PDF-") return "application/pdf";
  if (!textNames.test(name)) return null;
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return textControls.test(text) ? null : "text/plain";
  } catch {
    return null;
  }
}

/** A display name without folders or control characters. */
export function cleanFileName(name: string): string {
  const base = name.replace(nameControls, "").split(/[\\/]/).pop() ?? "";
  return base.trim().slice(0, 100) || "file";
}

/**
 * Stores a file for a later message on an open ticket the actor may see
 * (base64, a data: URL prefix accepted). Returns the reference to attach.
 */
export async function uploadAttachment(
  db: DbOrTx,
  actor: HubActor,
  ticketId: string,
  input: { name: string; data: string },
): Promise<Attachment> {
  const ticket = await findTicket(db, actor, ticketId);
  assertNotClosed(ticket);
  const clean = input.data.replace(/^data:[^,]*,/, "");
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) throw invalid("data");
  const bytes = Buffer.from(clean, "base64");
  if (bytes.length === 0 || bytes.length > MAX_ATTACHMENT_BYTES) throw invalid("data");
  const name = cleanFileName(input.name);
  const type = detectAttachmentType(bytes, name);
  if (!type) throw invalid("data");
  const key = `${ticketFilePrefix(ticket.hubId, ticket.id)}${uuidv7()}.${extensions[type]}`;
  await getStorage().put(key, bytes, type);
  return { key, name, size: bytes.length, type };
}

/**
 * Checks the files named for a new message: uploaded for this ticket and
 * present in storage; size and type come from the stored file, not the client.
 */
export async function resolveAttachments(
  ticket: TicketRow,
  refs: readonly AttachmentRef[],
): Promise<Attachment[]> {
  if (refs.length > MAX_ATTACHMENTS) throw invalid("attachments");
  const prefix = ticketFilePrefix(ticket.hubId, ticket.id);
  const pattern = /^[0-9a-f-]{36}\.(png|jpg|gif|webp|pdf|txt)$/;
  const result: Attachment[] = [];
  for (const [i, ref] of refs.entries()) {
    const stored =
      ref.key.startsWith(prefix) && pattern.test(ref.key.slice(prefix.length))
        ? await getStorage().get(ref.key)
        : null;
    if (!stored) throw invalid(`attachments.${i}.key`);
    result.push({
      key: ref.key,
      name: cleanFileName(ref.name),
      size: stored.body.length,
      type: stored.contentType,
    });
  }
  return result;
}

/** The id part of an attachment key (`…/<id>.<ext>`), used to download it. */
export function attachmentFileId(key: string): string {
  return key.slice(key.lastIndexOf("/") + 1).replace(/\.[a-z]+$/, "");
}

/**
 * A file attached to a message of a ticket the actor may see; files of
 * internal notes only for staff. The content comes back as base64.
 */
export async function getAttachment(db: DbOrTx, actor: HubActor, ticketId: string, fileId: string) {
  const ticket = await findTicket(db, actor, ticketId);
  const m = schema.ticketMessages;
  const [message] = await db
    .select({ attachments: m.attachments })
    .from(m)
    .where(
      and(
        eq(m.ticketId, ticket.id),
        visibleMessages(actor),
        sql`exists (select 1 from jsonb_array_elements(${m.attachments}) a where a->>'key' like ${`%/${fileId}.%`})`,
      ),
    )
    .limit(1);
  const file = message?.attachments.find((a) => attachmentFileId(a.key) === fileId);
  const stored = file ? await getStorage().get(file.key) : null;
  if (!file || !stored) throw new AppError("ATTACHMENT_NOT_FOUND");
  return {
    fileId,
    name: file.name,
    type: stored.contentType,
    size: stored.body.length,
    data: stored.body.toString("base64"),
  };
}
