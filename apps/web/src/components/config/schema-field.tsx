"use client";

import { useState } from "react";
import { useT } from "~/lib/i18n";
import { Errors, errorsUnder, groupStyle, type FieldProps } from "./field-parts";
import { fieldLabel, unwrapNullable } from "./json-schema";
import { EnumListField, JsonField, LinesField } from "./list-fields";
import { BooleanField, EnumField, NumberField, StringField } from "./scalar-fields";

export type { FieldErrorMap } from "./field-parts";

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
