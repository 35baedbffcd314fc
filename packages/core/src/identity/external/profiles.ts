import type { ExternalProfile } from "./sign-in";

const text = (value: unknown): string | null =>
  typeof value === "string" && value.length > 0 ? value : null;

/**
 * Our view of an OAuth provider's user-info answer. Discord reports whether the
 * address is verified; Yandex only returns addresses its user has confirmed.
 */
export function oauthProfile(
  provider: "discord" | "yandex",
  raw: Record<string, unknown>,
): ExternalProfile | null {
  const accountId = text(raw.id) ?? (typeof raw.id === "number" ? String(raw.id) : null);
  if (!accountId) return null;
  if (provider === "discord") {
    return {
      provider,
      accountId,
      name: text(raw.username) ?? text(raw.global_name),
      email: text(raw.email),
      emailVerified: raw.verified === true,
    };
  }
  const email = text(raw.default_email);
  return {
    provider,
    accountId,
    name: text(raw.login) ?? text(raw.display_name),
    email,
    emailVerified: email !== null,
  };
}
