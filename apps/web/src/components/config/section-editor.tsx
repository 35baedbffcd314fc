"use client";

import { toGuildhallError } from "@guildhall/client";
import type { ConfigSectionName } from "@guildhall/core/config-schemas";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useT } from "~/lib/i18n";
import { useTRPC } from "~/lib/trpc";
import { sectionFieldErrors, sectionJsonSchema } from "./json-schema";
import { ObjectFields } from "./schema-field";
import { FormError } from "~/components/form-error";

export interface SectionState {
  section: ConfigSectionName;
  version: number;
  data: Record<string, unknown>;
}

/**
 * The form of one section, generated from its zod schema. Saving sends the
 * whole section with the version it was loaded at (another admin's newer
 * save answers CONFLICT instead of being overwritten).
 */
export function SectionEditor({
  hubSlug,
  state,
  canEdit,
  onSaved,
}: {
  hubSlug: string;
  state: SectionState;
  canEdit: boolean;
  /** Called with the message to show; the parent reloads (and re-keys this form). */
  onSaved: (notice: string) => Promise<void>;
}) {
  const t = useT();
  const trpc = useTRPC();
  const [value, setValue] = useState(state.data);
  const done = (result: { version: number; changed: boolean }) =>
    onSaved(
      result.changed ? t("config.saved", { version: result.version }) : t("config.unchanged"),
    );
  const save = useMutation(trpc.config.updateSection.mutationOptions({ onSuccess: done }));
  const reset = useMutation(trpc.config.resetSection.mutationOptions({ onSuccess: done }));
  const failure = save.error ?? reset.error;
  const error = failure ? toGuildhallError(failure) : null;
  const errors = error ? sectionFieldErrors(error.fieldErrors) : {};
  const busy = save.isPending || reset.isPending;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    reset.reset();
    save.mutate({ hubSlug, section: state.section, data: value, baseVersion: state.version });
  }

  function resetToDefaults() {
    if (!window.confirm(t("config.resetConfirm"))) return;
    save.reset();
    reset.mutate({ hubSlug, section: state.section, baseVersion: state.version });
  }

  return (
    <section className="panel" data-testid="config-section-editor">
      <h2>
        {t(`config.section.${state.section}`)}{" "}
        <small className="badge wait">
          {state.version ? t("config.version", { version: state.version }) : t("config.defaults")}
        </small>
      </h2>
      {canEdit ? null : <p className="note">{t("config.readOnly")}</p>}
      <form className="stack" onSubmit={submit} noValidate>
        <ObjectFields
          path=""
          schema={sectionJsonSchema(state.section)}
          value={value}
          errors={errors}
          disabled={!canEdit || busy}
          onChange={(next) => setValue(next as Record<string, unknown>)}
        />
        {errors._ ? (
          <p className="form-error" role="alert">
            {errors._.join(" ")}
          </p>
        ) : null}
        <FormError error={error} testId="config-error" />
        {canEdit ? (
          <div style={{ display: "flex", gap: 8 }}>
            <button type="submit" disabled={busy}>
              {t("config.save")}
            </button>
            <button type="button" className="secondary" disabled={busy} onClick={resetToDefaults}>
              {t("config.reset")}
            </button>
          </div>
        ) : null}
      </form>
    </section>
  );
}
