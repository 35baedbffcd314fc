import type { InputHTMLAttributes } from "react";

/** A labelled input with its error messages (the server's fieldErrors). */
export function Field({
  label,
  errors,
  ...input
}: { label: string; errors?: string[] } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <label className="field">
      <span>{label}</span>
      <input {...input} aria-invalid={errors?.length ? true : undefined} />
      {errors?.map((e) => (
        <small key={e} className="field-error">
          {e}
        </small>
      ))}
    </label>
  );
}
