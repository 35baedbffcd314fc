"use client";

import { translate, type Locale, type MessageKey } from "@guildhall/core/i18n";
import { createContext, useCallback, useContext, type ReactNode } from "react";

const LocaleContext = createContext<Locale>("en");

/** Client components translate with the same catalogues as the server. */
export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  return <LocaleContext.Provider value={locale}>{children}</LocaleContext.Provider>;
}

export function useT() {
  const locale = useContext(LocaleContext);
  return useCallback(
    (key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params),
    [locale],
  );
}

/** The translated message of an error code answered by the server (sign-in, tRPC). */
export function useErrorText() {
  const t = useT();
  return useCallback(
    (code: string | undefined, fallback: MessageKey) => {
      const key = code ? errorKeys[code] : undefined;
      return t(key ?? fallback, { seconds: 60 });
    },
    [t],
  );
}

const errorKeys: Record<string, MessageKey> = {
  INVALID_CREDENTIALS: "errors.invalidCredentials",
  ACCOUNT_INACTIVE: "errors.accountInactive",
  INVALID_MFA_CODE: "errors.invalidMfaCode",
  INVALID_TOKEN: "errors.invalidToken",
  RATE_LIMITED: "errors.rateLimited",
};
