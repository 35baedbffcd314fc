import type { ReactNode } from "react";
import { I18nProvider } from "~/lib/i18n";
import { ApiProvider } from "~/lib/trpc";
import { requestLocale } from "~/server/locale";

/** Sign-in and registration: a centred card, no navigation. */
export default async function AuthLayout({ children }: { children: ReactNode }) {
  const locale = await requestLocale();
  return (
    <main className="auth-page">
      <I18nProvider locale={locale}>
        <ApiProvider locale={locale}>
          <div className="auth-card">{children}</div>
        </ApiProvider>
      </I18nProvider>
    </main>
  );
}
