import { processWide } from "@guildhall/process-wide";
import { IntlMessageFormat } from "intl-messageformat";
import { argumentsOf, type MessageArgument } from "./message-arguments";
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

/** Named formats a message may use, e.g. `{until, date, utc}` (a moment, in UTC). */
const formats = {
  date: { utc: { dateStyle: "long", timeStyle: "short", timeZone: "UTC" } },
} as const;

export type MessageParams = Record<string, string | number>;

interface CompiledMessage {
  format: IntlMessageFormat;
  arguments: Map<string, MessageArgument>;
}

/** Each message is parsed once per locale; the server and the browser share this code. */
const compiled = () =>
  processWide("i18n.compiled-messages", () => new Map<string, CompiledMessage>());

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

export function isMessageKey(value: string): value is MessageKey {
  return value in en;
}

/** The parsed message (ICU MessageFormat) of `key` in `locale`, from the cache after the first use. */
export function compiledMessage(locale: Locale, key: MessageKey): CompiledMessage {
  const cache = compiled();
  const id = `${locale}\u0000${key}`;
  let message = cache.get(id);
  if (!message) {
    const format = new IntlMessageFormat(catalogues[locale][key] ?? en[key], locale, formats, {
      ignoreTag: true,
    });
    message = { format, arguments: argumentsOf(format.getAst()) };
    cache.set(id, message);
  }
  return message;
}

/**
 * The message for `key` in `locale` (ICU MessageFormat: `{name}`, plural and
 * select). A parameter the caller did not give stays visible as `{name}`
 * rather than failing the response that carries the message (often an error).
 */
export function translate(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  const message = compiledMessage(locale, key);
  const values: MessageParams = {};
  for (const name of message.arguments.keys()) values[name] = params[name] ?? `{${name}}`;
  try {
    return String(message.format.format(values));
  } catch {
    // A value the message cannot format (a date that is not one): the text as written.
    return catalogues[locale][key] ?? en[key];
  }
}

/** Every message of one language, as written in its catalogue (ICU MessageFormat). */
export function messagesFor(locale: Locale): Messages {
  return catalogues[locale];
}
