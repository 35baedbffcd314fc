import { schema, type DbOrTx } from "@guildhall/db";
import { desc } from "drizzle-orm";
import nodemailer, { type Transporter } from "nodemailer";
import type SMTPTransport from "nodemailer/lib/smtp-transport";
import { getEnv } from "../env";
import { processWide } from "@guildhall/process-wide";

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

const smtp = () =>
  processWide("mail.transport", () => ({ transport: undefined as Transporter | undefined }));

/**
 * Sends through SMTP when SMTP_URL is set; otherwise keeps the mail in the
 * dev mailbox (a table super admins can read), so a quick start still works.
 */
export async function sendMail(db: DbOrTx, mail: Mail): Promise<"smtp" | "mailbox"> {
  const env = getEnv();
  if (!env.SMTP_URL) {
    await db.insert(schema.devMailbox).values(mail);
    return "mailbox";
  }
  const state = smtp();
  state.transport ??= nodemailer.createTransport({
    url: env.SMTP_URL,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  } as SMTPTransport.Options);
  await state.transport.sendMail({ from: env.MAIL_FROM, ...mail });
  return "smtp";
}

/** Newest mail in the dev mailbox first; a mail's text is its `body`, as for every message. */
export function listDevMailbox(db: DbOrTx, limit: number) {
  const m = schema.devMailbox;
  return db
    .select({ id: m.id, to: m.to, subject: m.subject, body: m.text, createdAt: m.createdAt })
    .from(m)
    .orderBy(desc(m.id))
    .limit(limit);
}
