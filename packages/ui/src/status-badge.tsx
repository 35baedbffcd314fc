export type Status = "ok" | "bad" | "wait";

/** A coloured pill for a state: healthy, failing, or pending. */
export function StatusBadge({ status, label }: { status: Status; label: string }) {
  return (
    <span className={`badge ${status}`} role="status">
      {label}
    </span>
  );
}
