"use client";

import { skipToken, useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { formText } from "~/lib/form";
import { useT } from "~/lib/i18n";
import { useTRPC } from "~/lib/trpc";
import { AuditFilters, type AuditFilter } from "./audit-filters";
import { FormError } from "~/components/form-error";

/** Before and after of one entry, compactly (the full JSON is in the CSV). */
function changes(before: unknown, after: unknown): string {
  const show = (value: unknown) => (value == null ? "" : JSON.stringify(value));
  return [show(before), show(after)].filter(Boolean).join(" → ");
}

/** Saves text as a file; the BOM makes spreadsheet programs read the CSV as UTF-8. */
function download(filename: string, csv: string) {
  const url = URL.createObjectURL(new Blob(["\uFEFF", csv], { type: "text/csv;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * An audit log: filters, newest first with "load more", and a CSV download of
 * the filtered rows. With a hub slug it is that hub's log; without one, the
 * instance's own rows (super admins).
 */
export function AuditLog({ hubSlug, canExport }: { hubSlug?: string; canExport: boolean }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [filter, setFilter] = useState<AuditFilter>({});
  const paging = {
    getNextPageParam: (page: { nextCursor: string | null }) => page.nextCursor ?? undefined,
  };
  // One of the two queries runs; the other is skipped.
  const hubLog = useInfiniteQuery(
    trpc.audit.list.infiniteQueryOptions(
      hubSlug ? { hubSlug, ...filter, limit: 50 } : skipToken,
      paging,
    ),
  );
  const instanceLog = useInfiniteQuery(
    trpc.audit.listInstance.infiniteQueryOptions(
      hubSlug ? skipToken : { ...filter, limit: 50 },
      paging,
    ),
  );
  const log = hubSlug ? hubLog : instanceLog;
  const exported = useMutation({
    mutationFn: () =>
      hubSlug
        ? queryClient.fetchQuery({
            ...trpc.audit.export.queryOptions({ hubSlug, ...filter }),
            staleTime: 0,
          })
        : queryClient.fetchQuery({
            ...trpc.audit.exportInstance.queryOptions(filter),
            staleTime: 0,
          }),
    onSuccess: (file) => download(file.filename, file.csv),
  });
  const entries = log.data?.pages.flatMap((page) => page.items) ?? [];
  const error = log.error ?? exported.error;

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const day = (name: string, time: string) => {
      const value = formText(form, name);
      return value ? new Date(`${value}T${time}`) : undefined;
    };
    setFilter({
      actorId: formText(form, "actorId").trim() || undefined,
      action: formText(form, "action").trim() || undefined,
      from: day("from", "00:00:00"),
      to: day("to", "23:59:59.999"),
    });
  }

  return (
    <section className="panel" data-testid="audit-log">
      <AuditFilters filter={filter} onApply={apply} onReset={() => setFilter({})} />
      {canExport ? (
        <p>
          <button
            type="button"
            className="secondary"
            disabled={exported.isPending}
            onClick={() => exported.mutate()}
            data-testid="audit-download"
          >
            {t("audit.download")}
          </button>{" "}
          {exported.data?.truncated ? (
            <span className="note" role="status">
              {t("audit.truncated", { count: exported.data.rows })}
            </span>
          ) : null}
        </p>
      ) : null}
      <FormError error={error} />
      {log.isSuccess && entries.length === 0 ? <p>{t("audit.none")}</p> : null}
      {entries.length ? (
        <div style={{ overflowX: "auto" }}>
          <table className="data-table" data-testid="audit-table">
            <thead>
              <tr>
                <th>{t("audit.time")}</th>
                <th>{t("audit.actor")}</th>
                <th>{t("audit.action")}</th>
                <th>{t("audit.target")}</th>
                <th>{t("audit.changes")}</th>
                <th>{t("audit.ip")}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td>{entry.createdAt.toLocaleString()}</td>
                  <td>
                    {entry.actorId ? (
                      <button
                        type="button"
                        className="secondary"
                        title={entry.actorId}
                        onClick={() =>
                          setFilter({ ...filter, actorId: entry.actorId ?? undefined })
                        }
                      >
                        {entry.actorId.slice(-8)}
                      </button>
                    ) : null}
                  </td>
                  <td>
                    <code>{entry.action}</code>
                  </td>
                  <td>
                    {entry.targetType}
                    {entry.targetId ? ` ${entry.targetId}` : ""}
                  </td>
                  <td>
                    <code>{changes(entry.before, entry.after)}</code>
                  </td>
                  <td>{entry.ip}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {log.hasNextPage ? (
        <button
          type="button"
          className="secondary"
          disabled={log.isFetchingNextPage}
          onClick={() => void log.fetchNextPage()}
          data-testid="audit-more"
        >
          {t("audit.loadMore")}
        </button>
      ) : null}
    </section>
  );
}
