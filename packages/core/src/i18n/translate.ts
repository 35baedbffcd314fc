import { de } from "./messages/de";
import { en, type MessageKey, type Messages } from "./messages/en";
import { ru } from "./messages/ru";
import { zhTW } from "./messages/zh-TW";

export const locales = ["en", "de", "ru", "zh-TW"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "en";

export const localeNames: Record<Locale, string> = {
  en: "English",
  de: "Deutsch",
  ru: "Русский",
  "zh-TW": "繁體中文",
};

const catalogues: Record<Locale, Messages> = { en, de, ru, "zh-TW": zhTW };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

export function isMessageKey(value: string): value is MessageKey {
  return value in en;
}

/** The message for `key` in `locale` with `{name}` placeholders filled in. */
export function translate(
  locale: Locale,
  key: MessageKey,
  params: Record<string, string | number> = {},
): string {
  const template = catalogues[locale][key] ?? en[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** Every message of one language (the dashboard sends these to the browser). */
export function messagesFor(locale: Locale): Messages {
  return catalogues[locale];
}
