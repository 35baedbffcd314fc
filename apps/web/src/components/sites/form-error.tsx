import type { GuildhallError } from "@guildhall/client";

/** The server's message for a failed call, unless each problem is shown at its field. */
export function FormError({
  error,
  fields = [],
}: {
  error: GuildhallError | null;
  fields?: string[];
}) {
  if (!error) return null;
  const atFields = Object.keys(error.fieldErrors).filter((field) => fields.includes(field));
  if (atFields.length > 0 && atFields.length === Object.keys(error.fieldErrors).length) return null;
  return (
    <p className="form-error" role="alert">
      {error.message}
    </p>
  );
}
