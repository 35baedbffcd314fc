"use client";

import { useT } from "~/lib/i18n";
import { NO_FILTERS, PRIORITIES, STATUS_FILTERS, type InboxFilters } from "./filters";
import { staffLabel, type StaffMember } from "./use-staff";

/** The inbox's filter controls; staff also filter by assignee (with a "mine" shortcut). */
export function InboxFilterBar(props: {
  filters: InboxFilters;
  onChange: (patch: Partial<InboxFilters>) => void;
  categories: string[];
  staff: boolean;
  staffMembers: StaffMember[];
}) {
  const t = useT();
  const { filters, onChange } = props;
  const categories =
    props.categories.includes(filters.category) || !filters.category
      ? props.categories
      : [...props.categories, filters.category];
  const known = new Set(["", "me", "none", ...props.staffMembers.map((m) => m.userId)]);
  const mine = filters.assignee === "me";
  return (
    <div className="inline filters" role="group" aria-label={t("tickets.filters")}>
      <select
        aria-label={t("tickets.status")}
        value={filters.status}
        onChange={(e) => onChange({ status: e.target.value as InboxFilters["status"] })}
      >
        {STATUS_FILTERS.map((s) => (
          <option key={s} value={s}>
            {t(`tickets.status.${s}`)}
          </option>
        ))}
      </select>
      <input
        type="search"
        placeholder={t("tickets.search")}
        aria-label={t("tickets.search")}
        value={filters.q}
        maxLength={200}
        onChange={(e) => onChange({ q: e.target.value })}
      />
      <select
        aria-label={t("tickets.category")}
        value={filters.category}
        onChange={(e) => onChange({ category: e.target.value })}
      >
        <option value="">{t("tickets.category.all")}</option>
        {categories.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
      <select
        aria-label={t("tickets.priority")}
        value={filters.priority}
        onChange={(e) => onChange({ priority: e.target.value as InboxFilters["priority"] })}
      >
        <option value="">{t("tickets.priority.any")}</option>
        {PRIORITIES.map((p) => (
          <option key={p} value={p}>
            {t(`tickets.priority.${p}`)}
          </option>
        ))}
      </select>
      <input
        type="search"
        placeholder={t("tickets.tag")}
        aria-label={t("tickets.tag")}
        value={filters.tag}
        maxLength={30}
        onChange={(e) => onChange({ tag: e.target.value.toLowerCase() })}
      />
      {props.staff ? (
        <>
          <select
            aria-label={t("tickets.assigneeFilter")}
            value={filters.assignee}
            onChange={(e) => onChange({ assignee: e.target.value })}
          >
            <option value="">{t("tickets.assignee.any")}</option>
            <option value="me">{t("tickets.assignee.me")}</option>
            <option value="none">{t("tickets.assignee.none")}</option>
            {props.staffMembers.map((m) => (
              <option key={m.userId} value={m.userId}>
                {staffLabel(m)}
              </option>
            ))}
            {known.has(filters.assignee) ? null : (
              <option value={filters.assignee}>{t("tickets.assignee.other")}</option>
            )}
          </select>
          <button
            type="button"
            className={mine ? undefined : "secondary"}
            aria-pressed={mine}
            onClick={() => onChange({ assignee: mine ? "" : "me" })}
          >
            {t("tickets.assignedToMe")}
          </button>
        </>
      ) : null}
      <label className="check">
        <input
          type="checkbox"
          checked={filters.breached}
          onChange={(e) => onChange({ breached: e.target.checked })}
        />
        {t("tickets.breached")}
      </label>
      <button type="button" className="link" onClick={() => onChange(NO_FILTERS)}>
        {t("tickets.clearFilters")}
      </button>
    </div>
  );
}
