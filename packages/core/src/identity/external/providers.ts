import { getEnv } from "../../env";

export const EXTERNAL_PROVIDERS = ["discord", "yandex", "steam"] as const;
export type ExternalProvider = (typeof EXTERNAL_PROVIDERS)[number];

/** Display names, used in messages ("Sign-in with {provider} failed"). */
export const providerLabels: Record<ExternalProvider, string> = {
  discord: "Discord",
  yandex: "Yandex",
  steam: "Steam",
};

/** The providers this instance has credentials for, in display order. */
export function enabledProviders(): ExternalProvider[] {
  const env = getEnv();
  const enabled: ExternalProvider[] = [];
  if (env.DISCORD_CLIENT_ID && env.DISCORD_CLIENT_SECRET) enabled.push("discord");
  if (env.YANDEX_CLIENT_ID && env.YANDEX_CLIENT_SECRET) enabled.push("yandex");
  if (env.STEAM_API_KEY) enabled.push("steam");
  return enabled;
}
