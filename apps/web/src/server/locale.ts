import { resolveLocale, type Locale } from "@guildhall/core/i18n";
import { cookies, headers } from "next/headers";

export const LOCALE_COOKIE = "gh_locale";

/** The dashboard's language: the chosen one (cookie), else the browser's, else English. */
export async function requestLocale(): Promise<Locale> {
  const [jar, head] = await Promise.all([cookies(), headers()]);
  return resolveLocale(jar.get(LOCALE_COOKIE)?.value, head.get("accept-language"));
}
