"use client";

import { toGuildhallError } from "@guildhall/client";

/**
 * The translated message of a refused call, as an alert; nothing without an
 * error. `fields`: the fields whose messages the form shows beside them (when
 * those are all that failed, nothing more is said here; "all": every field's). `withFields`: say
 * the field messages themselves, for a form that shows none beside its inputs.
 */
export function FormError({
  error,
  fields = [],
  withFields = false,
  testId,
}: {
  error: unknown;
  fields?: string[] | "all";
  withFields?: boolean;
  testId?: string;
}) {
  if (!error) return null;
  const failure = toGuildhallError(error);
  const failing = Object.keys(failure.fieldErrors);
  const shown = (field: string) => fields === "all" || fields.includes(field);
  if (failing.length > 0 && failing.every(shown)) return null;
  const messages = withFields ? Object.values(failure.fieldErrors).flat() : [];
  return (
    <p className="form-error" role="alert" data-testid={testId}>
      {messages.length > 0 ? messages.join(" ") : failure.message}
    </p>
  );
}
