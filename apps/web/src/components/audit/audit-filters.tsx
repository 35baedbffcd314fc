"use client";

import type { FormEvent } from "react";
import { useT } from "~/lib/i18n";

export interface AuditFilter {
  actorId?: string;
  action?: string;
  from?: Date;
  to?: Date;
}

/** yyyy-mm-dd of a local date, for a date input. */
function dateValue(date: Date | undefined): string {
  if (!date) return "";
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The audit log's filter form; re-mounted (by key) whenever the applied filter changes. */
export function AuditFilters({
  filter,
  onApply,
  onReset,
}: {
  filter: AuditFilter;
  onApply: (event: FormEvent<HTMLFormElement>) => void;
  onReset: () => void;
}) {
  const t = useT();
  return (
    <form
      key={JSON.stringify(filter)}
      onSubmit={onApply}
      data-testid="audit-filters"
      style={{ display: "flex", flexWrap: "wrap", gap: 12, alignItems: "end" }}
    >
      <label className="field">
        <span>{t("audit.actor")}</span>
        <input
          name="actorId"
          defaultValue={filter.actorId ?? ""}
          pattern="[0-9a-fA-F\-]{36}"
          size={36}
        />
      </label>
      <label className="field">
        <span>{t("audit.action")}</span>
        <input name="action" defaultValue={filter.action ?? ""} maxLength={64} />
      </label>
      <label className="field">
        <span>{t("audit.from")}</span>
        <input type="date" name="from" defaultValue={dateValue(filter.from)} />
      </label>
      <label className="field">
        <span>{t("audit.to")}</span>
        <input type="date" name="to" defaultValue={dateValue(filter.to)} />
      </label>
      <button type="submit">{t("audit.apply")}</button>
      <button type="button" className="secondary" onClick={onReset}>
        {t("audit.reset")}
      </button>
    </form>
  );
}
