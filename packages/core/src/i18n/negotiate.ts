import { defaultLocale, isLocale, locales, type Locale } from "./translate";

/** Maps a language tag to a supported locale: exact, then by language (any Chinese -> zh-TW). */
export function matchLocale(tag: string): Locale | undefined {
  const clean = tag.trim();
  if (!clean) return undefined;
  const exact = locales.find((l) => l.toLowerCase() === clean.toLowerCase());
  if (exact) return exact;
  const language = clean.split(/[-_]/)[0]?.toLowerCase();
  if (language === "zh") return "zh-TW";
  return locales.find((l) => l === language);
}

/** Picks the best supported locale from an Accept-Language header (q-values honoured). */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale | undefined {
  if (!acceptLanguage) return undefined;
  const ranked = acceptLanguage
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const quality = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim(), quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((entry) => entry.tag && entry.tag !== "*" && entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const entry of ranked) {
    const match = matchLocale(entry.tag);
    if (match) return match;
  }
  return undefined;
}

/** The user's own setting wins, then the browser's header, then English. */
export function resolveLocale(
  userSetting: string | null | undefined,
  acceptLanguage: string | null | undefined,
): Locale {
  if (isLocale(userSetting)) return userSetting;
  return negotiateLocale(acceptLanguage) ?? defaultLocale;
}
