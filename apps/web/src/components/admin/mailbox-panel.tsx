"use client";

import { useQuery } from "@tanstack/react-query";
import { useT } from "~/lib/i18n";
import { useTRPC } from "~/lib/trpc";

/** The mail the instance kept instead of sending (no SMTP_URL), newest first. */
export function MailboxPanel() {
  const t = useT();
  const trpc = useTRPC();
  const mail = useQuery(trpc.admin.mailbox.list.queryOptions({ limit: 50 }));
  return (
    <section className="panel" data-testid="admin-mailbox">
      <h2>{t("admin.mailbox")}</h2>
      <p className="note">{t("admin.mailboxIntro")}</p>
      {mail.data?.items.length === 0 ? <p>{t("admin.mailboxEmpty")}</p> : null}
      <ul className="rows">
        {mail.data?.items.map((item) => (
          <li key={item.id} data-testid="mail-item">
            <details>
              <summary>
                <strong>{item.subject}</strong> · {item.to} · {item.createdAt.toLocaleString()}
              </summary>
              <pre className="mail-text">{item.body}</pre>
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}
