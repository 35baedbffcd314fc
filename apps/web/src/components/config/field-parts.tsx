"use client";

import type { JsonSchema } from "./json-schema";

/** Errors by field path (dot-joined inside the section). */
export type FieldErrorMap = Record<string, string[]>;

/** What every generated control takes. */
export interface FieldProps {
  /** Dot-joined path inside the section (also the key of its errors). */
  path: string;
  label: string;
  schema: JsonSchema;
  value: unknown;
  onChange: (value: unknown) => void;
  errors: FieldErrorMap;
  disabled: boolean;
}

export const textareaStyle = {
  padding: "8px 10px",
  borderRadius: 8,
  font: "inherit",
  minHeight: 80,
};
export const groupStyle = { border: "1px solid var(--border)", borderRadius: 8, padding: 12 };

/** The errors of `path` and (prefixed with their sub-path) of everything inside it. */
export function errorsUnder(errors: FieldErrorMap, path: string): string[] {
  return Object.entries(errors).flatMap(([at, messages]) =>
    at === path
      ? messages
      : at.startsWith(`${path}.`)
        ? messages.map((m) => `${at.slice(path.length + 1)}: ${m}`)
        : [],
  );
}

/** A field's messages, under it. */
export function Errors({ messages }: { messages: string[] | undefined }) {
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
