import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fieldErrorsFromZod } from "../src/errors";
import {
  compiledMessage,
  displayParams,
  locales,
  messagesFor,
  translate,
  type Locale,
  type MessageArgument,
  type MessageKey,
  type MessageParams,
} from "../src/i18n";
import { en } from "../src/i18n/messages/en";

const keys = Object.keys(en) as MessageKey[];
const pluralSamples = [1, 2, 5, 21];
/** Names of zod formats and types: shown raw, they read like "Not a valid (email)". */
const rawNames = ["email", "url", "uuid", "guid", "datetime", "date", "time", "ipv4", "ipv6"];
const rawTypes = ["string", "number", "int", "boolean", "object", "array", "record", "undefined"];
/**
 * Parameters that carry codes, with the values the code passes (zod's format
 * and type names, a permission key): none may reach the reader as it is.
 */
const codeSamples: Record<string, string[]> = {
  format: ["email", "uuid", "datetime"],
  expected: ["int", "bigint", "string"],
  permission: ["audit.read", "ticket.manage"],
};
/** Of those, the ones no message may show even as a plain word. */
const neverShown = ["email", "uuid", "datetime", "int", "bigint", "audit.read", "ticket.manage"];

/** Sample values for every parameter the English message reads (plurals 1, 2, 5, 21). */
function sampleParams(args: Map<string, MessageArgument>): MessageParams[] {
  const rows: MessageParams[] = pluralSamples.map(() => ({}));
  for (const [name, arg] of args) {
    const codes = codeSamples[name] ?? [];
    const choices: (string | number)[] =
      arg.kind === "plural"
        ? pluralSamples
        : arg.kind === "select"
          ? [...arg.options, ...codes, "unlisted"]
          : arg.kind === "date"
            ? [Date.UTC(2026, 11, 2, 18, 30)]
            : arg.kind === "number"
              ? [3]
              : codes.length
                ? codes
                : ["Zoë"];
    while (rows.length < choices.length) rows.push({ ...rows[0] });
    rows.forEach((row, i) => (row[name] = choices[i % choices.length]!));
  }
  return rows;
}

/** What a reader must never see in a rendered message; empty when it reads right. */
function faults(text: string, args: Map<string, MessageArgument>): string[] {
  const found: string[] = [];
  if (/[{}]/.test(text)) found.push("leftover placeholder");
  if (/\b(plural|select|selectordinal)\s*,|#(\s|$)/.test(text)) found.push("raw ICU syntax");
  // An identifier in brackets or quotes: "(hubSlug)", “audit.read”, «ticket_id».
  if (/[(（“„«「]\s*[a-z]+(?:[A-Z_.][A-Za-z0-9_]*)+\s*[)）”“»」]/.test(text))
    found.push("internal name");
  const bare = [...rawNames, ...rawTypes, ...args.keys()];
  for (const name of bare)
    if (new RegExp(`[(（“„«「]\\s*${name}\\s*[)）”“»」]`).test(text))
      found.push(`raw name (${name})`);
  for (const code of neverShown)
    if (new RegExp(`(^|[^\\w.])${code.replace(".", "\\.")}($|[^\\w])`).test(text))
      found.push(`raw code ${code}`);
  return found;
}

function kindsOf(locale: Locale, key: MessageKey) {
  return compiledMessage(locale, key).arguments;
}

describe("every message in every language", () => {
  it("exists in each catalogue and parses as ICU MessageFormat", () => {
    for (const locale of locales)
      for (const key of keys) {
        expect(messagesFor(locale)[key], `${locale} ${key}`).toBeTruthy();
        expect(() => compiledMessage(locale, key), `${locale} ${key}`).not.toThrow();
      }
  });

  it("reads the same parameters as English, with each language's plural forms", () => {
    for (const key of keys) {
      const source = kindsOf("en", key);
      for (const locale of locales) {
        const args = kindsOf(locale, key);
        expect([...args.keys()].sort(), `${locale} ${key}`).toEqual([...source.keys()].sort());
        const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
        for (const [name, arg] of args) {
          const english = source.get(name)!;
          if (english.kind === "select")
            expect(arg.options.sort(), `${locale} ${key} ${name}`).toEqual(
              [...english.options].sort(),
            );
          if (english.kind === "plural")
            expect(["plural", "text", "number"], `${locale} ${key} ${name}`).toContain(arg.kind);
          if (arg.kind === "plural")
            for (const category of categories)
              expect(arg.options, `${locale} ${key} ${name}`).toContain(category);
        }
      }
    }
  });

  it("renders with sample values without placeholders, ICU syntax or internal names", () => {
    const problems: string[] = [];
    let rendered = 0;
    for (const key of keys) {
      const source = kindsOf("en", key);
      for (const params of sampleParams(source))
        for (const locale of locales) {
          const text = translate(locale, key, displayParams(locale, params));
          rendered++;
          for (const fault of faults(text, source))
            problems.push(`${locale} ${key} ${JSON.stringify(params)}: ${fault}: ${text}`);
        }
    }
    expect(rendered).toBeGreaterThan(keys.length * locales.length);
    expect(problems).toEqual([]);
  });

  it("catches what it looks for", () => {
    const args = new Map<string, MessageArgument>([["format", { kind: "select", options: [] }]]);
    expect(faults("Not a valid {format}.", args)).toContain("leftover placeholder");
    expect(faults("{n, plural, one {# x} other {# y}}", args)).toContain("raw ICU syntax");
    expect(faults("Kein gültiges Format (email).", args)).toContain("raw name (email)");
    expect(faults("Wrong value (hubSlug).", args)).toContain("internal name");
    expect(faults("You need “audit.read”.", args)).toContain("internal name");
    expect(faults("Not a valid email.", args)).toContain("raw code email");
    expect(faults("Expected int.", args)).toContain("raw code int");
    expect(faults("Ticket #5 is closed. Address (slug), valid for (hours).", args)).toEqual([]);
  });
});

describe("plural forms", () => {
  const tooShort = (locale: Locale, minimum: number) =>
    translate(locale, "validation.tooSmall.string", { minimum });

  it("says Russian counts with their own endings", () => {
    expect(tooShort("ru", 1)).toBe("Не менее 1 символа.");
    expect(tooShort("ru", 2)).toBe("Не менее 2 символов.");
    expect(tooShort("ru", 5)).toBe("Не менее 5 символов.");
    expect(tooShort("ru", 21)).toBe("Не менее 21 символа.");
    expect(translate("ru", "roles.members", { count: 3 })).toBe("3 участника");
    expect(translate("ru", "roles.members", { count: 11 })).toBe("11 участников");
    expect(translate("ru", "errors.rateLimited", { seconds: 21 })).toBe(
      "Слишком много запросов; повторите через 21 секунду.",
    );
  });

  it("says one and many in English and German, and a count in Chinese", () => {
    expect(tooShort("en", 1)).toBe("Must be at least 1 character.");
    expect(tooShort("en", 8)).toBe("Must be at least 8 characters.");
    expect(translate("de", "config.reloaded", { count: 1 })).toBe(
      "Neu geladen: 1 Bereich ist aktiv.",
    );
    expect(translate("de", "config.reloaded", { count: 4 })).toBe(
      "Neu geladen: 4 Bereiche sind aktiv.",
    );
    expect(tooShort("zh-TW", 1)).toBe("至少需要 1 個字元。");
  });

  it("answers zod's too-short issue in Russian through the field errors", () => {
    const result = z.object({ name: z.string().min(5), code: z.string().min(21) }).safeParse({
      name: "ab",
      code: "x",
    });
    expect(fieldErrorsFromZod(result.error!.issues, "ru")).toEqual({
      name: ["Не менее 5 символов."],
      code: ["Не менее 21 символа."],
    });
  });

  it("names formats and permissions as people do", () => {
    expect(translate("en", "validation.invalidFormat", { format: "email" })).toBe(
      "Not a valid e-mail address.",
    );
    expect(translate("ru", "validation.invalidFormat", { format: "somethingNew" })).toBe(
      "Неверный формат.",
    );
    expect(
      translate("en", "errors.permissionDenied", displayParams("en", { permission: "audit.read" })),
    ).toBe("You need the permission “Audit log: view” to do this.");
    expect(
      translate("en", "errors.banned", { ends: "yes", until: Date.UTC(2026, 11, 2, 18, 30) }),
    ).toBe("You are banned from this hub until December 2, 2026 at 6:30 PM UTC.");
    expect(translate("en", "errors.banned", { ends: "no" })).toBe("You are banned from this hub.");
  });

  it("leaves a missing parameter visible instead of failing", () => {
    expect(translate("en", "auth.signedInAs")).toBe("Signed in as {name}");
    expect(translate("en", "errors.banned", { ends: "yes", until: "soon" })).toContain("{ends");
  });
});
