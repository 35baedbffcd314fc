import { AppError, errorCodes, type ErrorCode } from "@guildhall/core/errors";
import { compiledMessage, locales, type MessageKey } from "@guildhall/core/i18n";
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { describeError } from "../src";
import { throwSites } from "./support/throw-sites";

/**
 * Every error message, rendered through the real error path (AppError ->
 * TRPCError -> describeError, as the formatter and the REST route do) with the
 * parameters its throw site passes, in every language: no `{placeholder}` may
 * be left. The throw sites are read from the source, so a new
 * `new AppError("X", …)` without the parameter its message names fails here.
 */

/** A placeholder left, or a count that was not a number ("NaN" is how a plural shows that). */
const leftover = (text: string) => /\{\w+\}|NaN|не число/.test(text);

/** A number for what the messages count or date (plural, number, date), text otherwise. */
function sampleValue(name: string, keys: MessageKey[]): string | number {
  const kinds = keys.map((key) => compiledMessage("en", key).arguments.get(name)?.kind);
  return kinds.some((k) => k === "plural" || k === "number" || k === "date") ? 2 : "value";
}

function render(code: ErrorCode, params: Record<string, string | number>, fieldKeys: MessageKey[]) {
  const cause = new AppError(code, params, {
    fieldErrors: fieldKeys.length ? { f: fieldKeys } : {},
  });
  const error = new TRPCError({ code: errorCodes[code].trpc, cause });
  return locales.map((locale) => describeError(error, locale, "req-1"));
}

describe("error messages", () => {
  const { sites, dynamicCodes } = throwSites();

  it("finds the throw sites", () => {
    expect(sites.length).toBeGreaterThan(150);
  });

  it("fill every placeholder at every throw site, in every language", () => {
    const unfilled: string[] = [];
    for (const site of sites) {
      expect(errorCodes[site.code], site.where).toBeDefined();
      expect(
        site.params,
        `${site.where}: params must be an object literal or a const of one`,
      ).not.toBeNull();
      const keys = [errorCodes[site.code].key, ...site.fieldKeys];
      const params = Object.fromEntries((site.params ?? []).map((n) => [n, sampleValue(n, keys)]));
      for (const body of render(site.code, params, site.fieldKeys)) {
        const texts = [body.message, ...Object.values(body.fieldErrors).flat()];
        for (const text of texts.filter(leftover))
          unfilled.push(`${site.where} ${site.code}: ${text}`);
      }
    }
    expect(unfilled).toEqual([]);
  });

  it("fill the placeholders of codes raised without a throw site (tRPC's own errors)", () => {
    const thrown = new Set(sites.map((s) => s.code));
    const unfilled: string[] = [];
    for (const code of Object.keys(errorCodes) as ErrorCode[]) {
      if (thrown.has(code)) continue;
      const error = new TRPCError({ code: errorCodes[code].trpc });
      for (const locale of locales) {
        const body = describeError(error, locale, "req-1");
        if (leftover(body.message)) unfilled.push(`${code} (${locale}): ${body.message}`);
      }
    }
    expect(unfilled).toEqual([]);
  });

  it("name a missing permission by its label, keeping the key in the details", () => {
    const cause = new AppError(
      "PERMISSION_DENIED",
      { permission: "ticket.manage" },
      { details: { permission: "ticket.manage" } },
    );
    const body = describeError(new TRPCError({ code: "FORBIDDEN", cause }), "ru", "req-1");
    expect(body.message).toBe("Для этого нужно разрешение «Тикеты: управление».");
    expect(body.details).toEqual({ permission: "ticket.manage" });
  });

  it("has no throw site whose code is not a literal", () => {
    expect(dynamicCodes).toEqual([]);
  });
});
