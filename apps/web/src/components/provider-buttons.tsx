"use client";

import type { AppRouter } from "@guildhall/api";
import type { inferRouterOutputs } from "@trpc/server";
import { signIn } from "next-auth/react";
import { useT } from "~/lib/i18n";

/** A provider `auth.providers` can name. */
export type ExternalProvider =
  inferRouterOutputs<AppRouter>["auth"]["providers"]["items"][number]["id"];

export const providerNames: Record<ExternalProvider, string> = {
  discord: "Discord",
  yandex: "Yandex",
  steam: "Steam",
};

/**
 * Starts a provider flow: Discord and Yandex through next-auth (state + PKCE),
 * Steam through our OpenID route. Signed in, the same flow links the account.
 */
export function startProvider(provider: ExternalProvider, next: string) {
  if (provider === "steam") {
    window.location.assign(`/api/auth/steam/start?next=${encodeURIComponent(next)}`);
    return;
  }
  void signIn(provider, { redirectTo: next });
}

export function ProviderButtons({
  providers,
  next = "/",
}: {
  providers: ExternalProvider[];
  /** Where to land afterwards (already checked with safeLocalPath by the page). */
  next?: string;
}) {
  const t = useT();
  if (providers.length === 0) return null;
  return (
    <div className="providers" data-testid="provider-buttons">
      <p className="note">{t("auth.orWith")}</p>
      {providers.map((provider) => (
        <button
          key={provider}
          type="button"
          className={`secondary provider-${provider}`}
          onClick={() => startProvider(provider, next)}
        >
          {providerNames[provider]}
        </button>
      ))}
    </div>
  );
}
