"use client";

import { translate, type Locale, type MessageKey } from "@guildhall/core/i18n";
import { errorCodes, type ErrorCode } from "@guildhall/core/errors";
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
    (code: string | undefined, fallback: MessageKey, params?: Record<string, string | number>) => {
      const key = code && code in errorCodes ? errorCodes[code as ErrorCode].key : undefined;
      return t(key ?? fallback, { seconds: 60, provider: "", ...params });
    },
    [t],
  );
}
