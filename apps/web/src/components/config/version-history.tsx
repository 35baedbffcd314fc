"use client";

import type { ConfigSectionName } from "@guildhall/core/config-schemas";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useT } from "~/lib/i18n";
import { useTRPC } from "~/lib/trpc";
import { FormError } from "~/components/form-error";

const PAGE = 10;

function show(value: unknown): string {
  return value === null || value === undefined ? "—" : JSON.stringify(value);
}

/** A section's saved versions (who, when, what changed), each restorable by editors. */
export function VersionHistory({
  hubSlug,
  section,
  currentVersion,
  canEdit,
  onRestored,
}: {
  hubSlug: string;
  section: ConfigSectionName;
  currentVersion: number;
  canEdit: boolean;
  onRestored: (notice: string) => Promise<void>;
}) {
  const t = useT();
  const trpc = useTRPC();
  // Newest page, or the page below a version (keyset paging on the version number).
  const [before, setBefore] = useState<number | undefined>(undefined);
  const versions = useQuery(
    trpc.config.listVersions.queryOptions({ hubSlug, section, before, limit: PAGE }),
  );
  const restore = useMutation(
    trpc.config.restoreVersion.mutationOptions({
      onSuccess: async (result) => {
        setBefore(undefined);
        await onRestored(
          result.changed ? t("config.saved", { version: result.version }) : t("config.unchanged"),
        );
      },
    }),
  );

  function restoreVersion(version: number) {
    if (!window.confirm(t("config.restoreConfirm", { version }))) return;
    restore.mutate({ hubSlug, section, version, baseVersion: currentVersion });
  }

  const items = versions.data?.items ?? [];
  return (
    <section className="panel" data-testid="config-history">
      <h2>{t("config.history")}</h2>
      <FormError error={restore.error} />
      <ul className="rows">
        {versions.data && items.length === 0 ? <li>{t("config.noVersions")}</li> : null}
        {items.map((entry) => (
          <li key={entry.version} data-testid="config-version">
            <div>
              <strong>{t("config.version", { version: entry.version })}</strong>{" "}
              <small>
                {t("config.by", {
                  when: entry.createdAt.toLocaleString(),
                  user: entry.actor?.username ?? t("config.someone"),
                })}
              </small>
              <details>
                <summary>
                  {t("config.changed", { fields: Object.keys(entry.diff).join(", ") })}
                </summary>
                <ul>
                  {Object.entries(entry.diff).map(([field, change]) => (
                    <li key={field}>
                      <code>{field}</code>: {show(change.from)} → {show(change.to)}
                    </li>
                  ))}
                </ul>
              </details>
            </div>
            {canEdit && entry.version !== currentVersion ? (
              <button
                type="button"
                className="secondary"
                disabled={restore.isPending}
                onClick={() => restoreVersion(entry.version)}
              >
                {t("config.restore")}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      <div style={{ display: "flex", gap: 8, marginTop: 8 }}>
        {before !== undefined ? (
          <button type="button" className="secondary" onClick={() => setBefore(undefined)}>
            {t("config.newest")}
          </button>
        ) : null}
        {versions.data?.nextCursor ? (
          <button
            type="button"
            className="secondary"
            onClick={() => setBefore(versions.data?.nextCursor ?? undefined)}
          >
            {t("config.older")}
          </button>
        ) : null}
      </div>
    </section>
  );
}
