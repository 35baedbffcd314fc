const PROBE_ORIGIN = "http://x";

/**
 * A redirect target that can only stay on this site (after sign-in, a
 * provider round trip, ...), or `fallback`. Accepted: a path that starts with
 * exactly one "/" followed by anything but "/" or "\" (browsers read "\" as
 * "/", so "/\evil.com" would be "//evil.com", another host), with no control
 * characters (browsers drop tabs and newlines, which could join "/" and "/"),
 * and that still resolves to this origin. "/" alone is accepted.
 */
export function safeLocalPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2048) return fallback;
  if (!/^\/(?![/\\])/.test(value)) return fallback;
  // eslint-disable-next-line no-control-regex -- rejecting control characters is the point
  if (/[\u0000-\u001f\u007f-\u009f]/.test(value)) return fallback;
  try {
    if (new URL(value, PROBE_ORIGIN).origin !== PROBE_ORIGIN) return fallback;
  } catch {
    return fallback;
  }
  return value;
}
