"use client";

import { useState } from "react";
import { useT } from "~/lib/i18n";
import { fieldLabel, unwrapNullable, type JsonSchema } from "./json-schema";

export type FieldErrorMap = Record<string, string[]>;

interface FieldProps {
  /** Dot-joined path inside the section (also the key of its errors). */
  path: string;
  label: string;
  schema: JsonSchema;
  value: unknown;
  onChange: (value: unknown) => void;
  errors: FieldErrorMap;
  disabled: boolean;
}

const textareaStyle = { padding: "8px 10px", borderRadius: 8, font: "inherit", minHeight: 80 };
const groupStyle = { border: "1px solid var(--border)", borderRadius: 8, padding: 12 };

/** The errors of `path` and (prefixed with their sub-path) of everything inside it. */
function errorsUnder(errors: FieldErrorMap, path: string): string[] {
  return Object.entries(errors).flatMap(([at, messages]) =>
    at === path
      ? messages
      : at.startsWith(`${path}.`)
        ? messages.map((m) => `${at.slice(path.length + 1)}: ${m}`)
        : [],
  );
}

function Errors({ messages }: { messages: string[] | undefined }) {
  return (
    <>
      {messages?.map((message) => (
        <small key={message} className="field-error">
          {message}
        </small>
      ))}
    </>
  );
}

/** One form control generated from a JSON Schema node (zod's output for our section schemas). */
export function SchemaField(props: FieldProps) {
  const { schema, nullable } = unwrapNullable(props.schema);
  const field = { ...props, schema };
  if (schema.enum) return <EnumField {...field} nullable={nullable} />;
  switch (schema.type) {
    case "boolean":
      return <BooleanField {...field} />;
    case "integer":
    case "number":
      return <NumberField {...field} nullable={nullable} />;
    case "string":
      return <StringField {...field} nullable={nullable} />;
    case "array":
      if (schema.items?.enum) return <EnumListField {...field} />;
      if (schema.items?.type === "object") return <ObjectListField {...field} />;
      return <LinesField {...field} />;
    case "object":
      if (schema.properties) return <ObjectField {...field} />;
      if (typeof schema.additionalProperties === "object") return <RecordField {...field} />;
  }
  return <JsonField {...field} />;
}

function EnumField(props: FieldProps & { nullable: boolean }) {
  const t = useT();
  const errors = props.errors[props.path];
  return (
    <label className="field">
      <span>{props.label}</span>
      <select
        value={typeof props.value === "string" ? props.value : ""}
        disabled={props.disabled}
        aria-invalid={errors ? true : undefined}
        onChange={(e) => props.onChange(e.target.value === "" ? null : e.target.value)}
      >
        {props.nullable ? <option value="">{t("config.notSet")}</option> : null}
        {props.schema.enum?.map((option) => (
          <option key={String(option)} value={String(option)}>
            {String(option)}
          </option>
        ))}
      </select>
      <Errors messages={errors} />
    </label>
  );
}

function BooleanField(props: FieldProps) {
  return (
    <label className="field" style={{ flexDirection: "row", alignItems: "center", gap: 8 }}>
      <input
        type="checkbox"
        checked={props.value === true}
        disabled={props.disabled}
        onChange={(e) => props.onChange(e.target.checked)}
      />
      <span>{props.label}</span>
      <Errors messages={props.errors[props.path]} />
    </label>
  );
}

function NumberField(props: FieldProps & { nullable: boolean }) {
  const errors = props.errors[props.path];
  return (
    <label className="field">
      <span>{props.label}</span>
      <input
        type="number"
        value={typeof props.value === "number" ? props.value : ""}
        min={props.schema.minimum}
        max={props.schema.maximum}
        step={props.schema.type === "integer" ? 1 : "any"}
        disabled={props.disabled}
        aria-invalid={errors ? true : undefined}
        // An empty box is sent as is (null when allowed), so the server names the field.
        onChange={(e) =>
          props.onChange(
            e.target.value === "" ? (props.nullable ? null : "") : Number(e.target.value),
          )
        }
      />
      <Errors messages={errors} />
    </label>
  );
}

function StringField(props: FieldProps & { nullable: boolean }) {
  const t = useT();
  const errors = props.errors[props.path];
  const common = {
    value: typeof props.value === "string" ? props.value : "",
    maxLength: props.schema.maxLength,
    disabled: props.disabled,
    placeholder: props.nullable ? t("config.notSet") : undefined,
    "aria-invalid": errors ? true : undefined,
    onChange: (e: { target: { value: string } }) =>
      props.onChange(props.nullable && e.target.value === "" ? null : e.target.value),
  };
  return (
    <label className="field">
      <span>{props.label}</span>
      {(props.schema.maxLength ?? 0) > 300 ? (
        <textarea {...common} style={textareaStyle} rows={6} />
      ) : (
        <input type={props.schema.format === "uri" ? "url" : "text"} {...common} />
      )}
      <Errors messages={errors} />
    </label>
  );
}

/** Lists of strings or numbers: one item per line. */
function LinesField(props: FieldProps) {
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
function EnumListField(props: FieldProps) {
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

function ObjectField(props: FieldProps) {
  const value = (props.value ?? {}) as Record<string, unknown>;
  return (
    <fieldset style={groupStyle} className="stack">
      <legend>{props.label}</legend>
      <ObjectFields {...props} value={value} />
    </fieldset>
  );
}

/** Every property of an object schema, in schema order. */
export function ObjectFields(
  props: Omit<FieldProps, "label"> & { value: Record<string, unknown> },
) {
  return (
    <>
      {Object.entries(props.schema.properties ?? {}).map(([key, schema]) => {
        const path = props.path ? `${props.path}.${key}` : key;
        return (
          <SchemaField
            key={key}
            path={path}
            label={fieldLabel(key)}
            schema={schema}
            value={props.value[key]}
            errors={props.errors}
            disabled={props.disabled}
            onChange={(next) => props.onChange({ ...props.value, [key]: next })}
          />
        );
      })}
      <Errors messages={props.path ? props.errors[props.path] : undefined} />
    </>
  );
}

/** Lists of objects: a group per item, with add and remove. */
function ObjectListField(props: FieldProps) {
  const t = useT();
  const items = (Array.isArray(props.value) ? props.value : []) as Record<string, unknown>[];
  const itemSchema = props.schema.items ?? {};
  const replace = (index: number, item: unknown) =>
    props.onChange(items.map((old, i) => (i === index ? item : old)));
  return (
    <fieldset style={groupStyle} className="stack">
      <legend>{props.label}</legend>
      {items.map((item, index) => (
        <div key={index} className="stack" style={groupStyle}>
          <ObjectFields
            path={`${props.path}.${index}`}
            schema={itemSchema}
            value={item}
            errors={props.errors}
            disabled={props.disabled}
            onChange={(next) => replace(index, next)}
          />
          {props.disabled ? null : (
            <button
              type="button"
              className="secondary"
              onClick={() => props.onChange(items.filter((_, i) => i !== index))}
            >
              {t("config.remove")}
            </button>
          )}
        </div>
      ))}
      {props.disabled ? null : (
        <button type="button" className="secondary" onClick={() => props.onChange([...items, {}])}>
          {t("config.add")}
        </button>
      )}
      <Errors messages={props.errors[props.path]} />
    </fieldset>
  );
}

/** Maps of name -> value (e.g. interest roles): editable rows. */
function RecordField(props: FieldProps) {
  const t = useT();
  const [rows, setRows] = useState<[string, string][]>(() =>
    Object.entries((props.value ?? {}) as Record<string, unknown>).map(([k, v]) => [k, String(v)]),
  );
  const update = (next: [string, string][]) => {
    setRows(next);
    props.onChange(Object.fromEntries(next.filter(([key]) => key.trim() !== "")));
  };
  return (
    <fieldset style={groupStyle} className="stack" disabled={props.disabled}>
      <legend>{props.label}</legend>
      {rows.map(([key, value], index) => (
        <div key={index} style={{ display: "flex", gap: 8, alignItems: "end" }}>
          <label className="field">
            <span>{t("config.key")}</span>
            <input
              value={key}
              onChange={(e) =>
                update(rows.map((r, i) => (i === index ? [e.target.value, r[1]] : r)))
              }
            />
          </label>
          <label className="field">
            <span>{t("config.value")}</span>
            <input
              value={value}
              onChange={(e) =>
                update(rows.map((r, i) => (i === index ? [r[0], e.target.value] : r)))
              }
            />
          </label>
          <button
            type="button"
            className="secondary"
            onClick={() => update(rows.filter((_, i) => i !== index))}
          >
            {t("config.remove")}
          </button>
        </div>
      ))}
      <button type="button" className="secondary" onClick={() => update([...rows, ["", ""]])}>
        {t("config.add")}
      </button>
      <Errors messages={errorsUnder(props.errors, props.path)} />
    </fieldset>
  );
}

/** Anything the generator has no control for: edited as JSON. */
function JsonField(props: FieldProps) {
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
