"use client";

import type { ConfigSectionName } from "@guildhall/core/config-schemas";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useT } from "~/lib/i18n";
import { useTRPC } from "~/lib/trpc";
import { SectionEditor } from "./section-editor";
import { VersionHistory } from "./version-history";
import { FormError } from "~/components/form-error";

/** A hub's configuration: the sections, the chosen one's form and its history, and reload. */
export function ConfigPanel({ hubSlug }: { hubSlug: string }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const config = useQuery(trpc.config.get.queryOptions({ hubSlug }));
  const [chosen, setChosen] = useState<ConfigSectionName>("general");
  const [notice, setNotice] = useState<string | null>(null);
  const reload = useMutation(
    trpc.config.reload.mutationOptions({
      onSuccess: async (result) => {
        setNotice(t("config.reloaded", { count: result.sections.length }));
        await refresh();
      },
    }),
  );

  async function refresh() {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.config.get.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.config.listVersions.queryKey() }),
    ]);
  }

  async function saved(message: string) {
    setNotice(message);
    await refresh();
  }

  function choose(section: ConfigSectionName) {
    setChosen(section);
    setNotice(null);
  }

  if (config.error) return <FormError error={config.error} />;
  if (!config.data) return null;
  const { canEdit, sections } = config.data;
  const state = sections.find((s) => s.section === chosen) ?? sections[0];
  if (!state) return null;

  return (
    <div style={{ display: "grid", gridTemplateColumns: "200px 1fr", gap: 16 }}>
      <nav className="panel stack" aria-label={t("config.sections")} data-testid="config-sections">
        {sections.map((s) => (
          <button
            key={s.section}
            type="button"
            className={s.section === state.section ? undefined : "secondary"}
            aria-current={s.section === state.section ? "true" : undefined}
            onClick={() => choose(s.section)}
          >
            {t(`config.section.${s.section}`)}
            {s.version ? ` · v${s.version}` : ""}
          </button>
        ))}
        {canEdit ? (
          <button
            type="button"
            className="secondary"
            disabled={reload.isPending}
            onClick={() => reload.mutate({ hubSlug })}
            data-testid="config-reload"
          >
            {t("config.reload")}
          </button>
        ) : null}
        <FormError error={reload.error} />
      </nav>
      <div>
        {notice ? (
          <p role="status" className="panel" data-testid="config-notice">
            {notice}
          </p>
        ) : null}
        <SectionEditor
          // A new version (saved, reset, restored) reloads the form with its data.
          key={`${state.section}:${state.version}`}
          hubSlug={hubSlug}
          state={state}
          canEdit={canEdit}
          onSaved={saved}
        />
        <VersionHistory
          key={state.section}
          hubSlug={hubSlug}
          section={state.section}
          currentVersion={state.version}
          canEdit={canEdit}
          onRestored={saved}
        />
      </div>
    </div>
  );
}
