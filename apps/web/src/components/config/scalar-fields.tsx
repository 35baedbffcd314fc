"use client";

import { useT } from "~/lib/i18n";
import { Errors, textareaStyle, type FieldProps } from "./field-parts";

// The controls for one value: a choice, a switch, a number, a text.

export function EnumField(props: FieldProps & { nullable: boolean }) {
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

export function BooleanField(props: FieldProps) {
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

export function NumberField(props: FieldProps & { nullable: boolean }) {
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

export function StringField(props: FieldProps & { nullable: boolean }) {
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
