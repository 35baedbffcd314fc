import { permissions } from "@guildhall/permissions";
import { describe, expect, it } from "vitest";
import { locales, messagesFor, negotiateLocale, resolveLocale, translate } from "../src/i18n";

describe("i18n", () => {
  it("labels every permission of the registry in every language", () => {
    for (const locale of locales) {
      const messages = messagesFor(locale) as Record<string, string | undefined>;
      for (const permission of permissions) {
        // The roles editor shows "<resource>: <action>"; a missing label would show a raw key.
        for (const key of [permission.resourceKey, permission.actionKey]) {
          expect(messages[key], `${locale} ${permission.key} ${key}`).toBeTruthy();
          expect(messages[key], `${locale} ${key}`).not.toBe(key);
        }
      }
    }
  });

  it("fills placeholders", () => {
    expect(translate("en", "errors.rateLimited", { seconds: 12 })).toBe(
      "Too many requests; try again in 12 seconds.",
    );
    expect(translate("de", "errors.permissionDenied", { permission: "Audit-Log: ansehen" })).toBe(
      "Dafür brauchst du die Berechtigung „Audit-Log: ansehen“.",
    );
  });

  it("negotiates Accept-Language with q-values and language fallbacks", () => {
    expect(negotiateLocale("fr-FR, de;q=0.8, en;q=0.5")).toBe("de");
    expect(negotiateLocale("en;q=0.2, ru;q=0.9")).toBe("ru");
    expect(negotiateLocale("zh-Hant-TW")).toBe("zh-TW");
    expect(negotiateLocale("zh-CN,zh;q=0.9")).toBe("zh-TW");
    expect(negotiateLocale("de-AT")).toBe("de");
    expect(negotiateLocale("fr, *;q=0.1")).toBeUndefined();
    expect(negotiateLocale(undefined)).toBeUndefined();
  });

  it("prefers the user's setting, then the header, then English", () => {
    expect(resolveLocale("ru", "de")).toBe("ru");
    expect(resolveLocale("xx", "de")).toBe("de");
    expect(resolveLocale(null, null)).toBe("en");
  });
});
