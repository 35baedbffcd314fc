"use client";

import type { GuildhallError } from "@guildhall/client";
import { useState, type FormEvent } from "react";
import { Field } from "~/components/field";
import { formText } from "~/lib/form";
import { useT } from "~/lib/i18n";
import { FormError } from "~/components/form-error";
import { knownDetectionFlags, type Stream } from "./types";

export interface StreamValues {
  name: string;
  videoUrl: string;
  modelKey: string;
  detection: Record<string, boolean>;
  workStartHour: number;
  workEndHour: number;
  expiresAt: Date | null;
  storeVideo: boolean;
  storeDetections: boolean;
}

const fieldNames = ["name", "videoUrl", "modelKey", "detection", "workStartHour", "workEndHour"];

/** yyyy-MM-ddTHH:mm in local time, as a datetime-local input shows it. */
function localInput(date: Date | null | undefined): string {
  if (!date) return "";
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

/** Every field of a stream configuration, for creating (no `initial`) or editing one. */
export function StreamForm({
  initial,
  pending,
  error,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  initial?: Stream;
  pending: boolean;
  error: GuildhallError | null;
  submitLabel: string;
  onSubmit: (values: StreamValues) => void;
  onCancel?: () => void;
}) {
  const t = useT();
  const [flags, setFlags] = useState<string[]>(() => [
    ...new Set([...knownDetectionFlags, ...Object.keys(initial?.detection ?? {})]),
  ]);
  const fieldErrors = error?.fieldErrors ?? {};

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const extra = formText(form, "newFlag").trim();
    const detection = Object.fromEntries(
      flags.map((flag) => [flag, form.get(`flag:${flag}`) === "on"]),
    );
    if (extra) detection[extra] = true;
    const expires = formText(form, "expiresAt");
    onSubmit({
      name: formText(form, "name"),
      videoUrl: formText(form, "videoUrl"),
      modelKey: formText(form, "modelKey"),
      detection,
      workStartHour: Number(formText(form, "workStartHour")),
      workEndHour: Number(formText(form, "workEndHour")),
      expiresAt: expires ? new Date(expires) : null,
      storeVideo: form.get("storeVideo") === "on",
      storeDetections: form.get("storeDetections") === "on",
    });
    if (extra) setFlags((current) => [...new Set([...current, extra])]);
  }

  return (
    <form className="stack" onSubmit={submit} data-testid="stream-form">
      <Field
        label={t("streams.name")}
        name="name"
        required
        maxLength={64}
        defaultValue={initial?.name}
        errors={fieldErrors.name}
      />
      <Field
        label={t("streams.videoUrl")}
        name="videoUrl"
        type="url"
        required
        maxLength={2048}
        placeholder="rtsp://camera.example/stream"
        defaultValue={initial?.videoUrl}
        errors={fieldErrors.videoUrl}
      />
      <Field
        label={t("streams.modelKey")}
        name="modelKey"
        required
        maxLength={64}
        defaultValue={initial?.modelKey ?? "yolo11n"}
        errors={fieldErrors.modelKey}
      />
      <fieldset className="stack">
        <legend>{t("streams.detection")}</legend>
        {flags.map((flag) => (
          <label key={flag} className="check">
            <input
              type="checkbox"
              name={`flag:${flag}`}
              defaultChecked={initial?.detection[flag]}
            />
            <code>{flag}</code>
          </label>
        ))}
        <Field
          label={t("streams.newFlag")}
          name="newFlag"
          pattern="[a-z][a-z0-9_]{0,63}"
          errors={fieldErrors.detection}
        />
      </fieldset>
      <Field
        label={t("streams.workStartHour")}
        name="workStartHour"
        type="number"
        min={0}
        max={23}
        required
        defaultValue={initial?.workStartHour ?? 7}
        errors={fieldErrors.workStartHour}
      />
      <Field
        label={t("streams.workEndHour")}
        name="workEndHour"
        type="number"
        min={1}
        max={24}
        required
        defaultValue={initial?.workEndHour ?? 18}
        errors={fieldErrors.workEndHour}
      />
      <Field
        label={t("streams.expiresAt")}
        name="expiresAt"
        type="datetime-local"
        defaultValue={localInput(initial?.expiresAt)}
      />
      <label className="check">
        <input type="checkbox" name="storeVideo" defaultChecked={initial?.storeVideo ?? false} />
        {t("streams.storeVideo")}
      </label>
      <label className="check">
        <input
          type="checkbox"
          name="storeDetections"
          defaultChecked={initial?.storeDetections ?? true}
        />
        {t("streams.storeDetections")}
      </label>
      <FormError error={error} fields={fieldNames} />
      <div className="inline">
        <button type="submit" disabled={pending}>
          {submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="secondary" onClick={onCancel}>
            {t("streams.cancel")}
          </button>
        ) : null}
      </div>
    </form>
  );
}
