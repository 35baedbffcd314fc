"use client";

import { useState } from "react";
import { useT } from "~/lib/i18n";
import { Errors, errorsUnder, groupStyle, textareaStyle, type FieldProps } from "./field-parts";

// Lists of text or of choices, and anything else as JSON.

/** Lists of strings or numbers: one item per line. */
export function LinesField(props: FieldProps) {
  const t = useT();
  const items = Array.isArray(props.value) ? props.value : [];
  const [text, setText] = useState(() => items.map(String).join("\n"));
  const numeric = props.schema.items?.type === "integer" || props.schema.items?.type === "number";
  const errors = errorsUnder(props.errors, props.path);
  return (
    <label className="field">
      <span>
        {props.label} <small>({t("config.onePerLine")})</small>
      </span>
      <textarea
        value={text}
        rows={Math.min(10, Math.max(3, items.length + 1))}
        style={textareaStyle}
        disabled={props.disabled}
        aria-invalid={errors.length ? true : undefined}
        onChange={(e) => {
          setText(e.target.value);
          const lines = e.target.value
            .split("\n")
            .map((line) => line.trim())
            .filter(Boolean);
          props.onChange(numeric ? lines.map(Number) : lines);
        }}
      />
      <Errors messages={errors} />
    </label>
  );
}

/** Lists of enum values: a checkbox per allowed value. */
export function EnumListField(props: FieldProps) {
  const chosen = new Set(Array.isArray(props.value) ? props.value : []);
  const options = props.schema.items?.enum ?? [];
  return (
    <fieldset style={groupStyle} disabled={props.disabled}>
      <legend>{props.label}</legend>
      {options.map((option) => (
        <label key={String(option)} style={{ marginRight: 16 }}>
          <input
            type="checkbox"
            checked={chosen.has(option)}
            onChange={(e) => {
              const next = options.filter((o) => (o === option ? e.target.checked : chosen.has(o)));
              props.onChange(next);
            }}
          />{" "}
          {String(option)}
        </label>
      ))}
      <Errors messages={errorsUnder(props.errors, props.path)} />
    </fieldset>
  );
}

/** Anything the generator has no control for: edited as JSON. */
export function JsonField(props: FieldProps) {
  const [text, setText] = useState(() => JSON.stringify(props.value ?? null, null, 2));
  const errors = errorsUnder(props.errors, props.path);
  return (
    <label className="field">
      <span>{props.label} (JSON)</span>
      <textarea
        value={text}
        rows={6}
        style={{ ...textareaStyle, fontFamily: "ui-monospace, monospace" }}
        disabled={props.disabled}
        aria-invalid={errors.length ? true : undefined}
        onChange={(e) => {
          setText(e.target.value);
          try {
            props.onChange(JSON.parse(e.target.value) as unknown);
          } catch {
            // Kept as typed until it parses; the last valid value stays in the form.
          }
        }}
      />
      <Errors messages={errors} />
    </label>
  );
}
