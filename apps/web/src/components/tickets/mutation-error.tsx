"use client";

import { toGuildhallError } from "@guildhall/client";

/** The translated message of a failed call, as an alert (nothing without an error). */
export function MutationError({ error }: { error: unknown }) {
  if (!error) return null;
  const failure = toGuildhallError(error);
  const fields = Object.values(failure.fieldErrors).flat();
  return (
    <p className="form-error" role="alert">
      {fields.length > 0 ? fields.join(" ") : failure.message}
    </p>
  );
}
