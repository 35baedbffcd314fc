import { localeNames, locales, translate } from "@guildhall/core/i18n";
import type { ReactNode } from "react";
import { LanguageSwitch } from "~/components/language-switch";
import { navItems } from "~/components/nav";
import { UserMenu } from "~/components/user-menu";
import { I18nProvider } from "~/lib/i18n";
import { ApiProvider } from "~/lib/trpc";
import { pageCaller } from "~/server/caller";
import { currentUser } from "~/server/current-user";
import { requestLocale } from "~/server/locale";

/** The dashboard shell: sidebar navigation, language switch, and the page. */
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const [locale, user] = await Promise.all([requestLocale(), currentUser()]);
  const hubs = user ? (await (await pageCaller()).hubs.listMine()).items : [];
  const t = (key: Parameters<typeof translate>[1]) => translate(locale, key);
  return (
    <div className="shell">
      <a className="skip" href="#content">
        {t("shell.skipToContent")}
      </a>
      <aside className="sidebar">
        <div className="brand">
          {t("shell.title")}
          <small>{t("shell.tagline")}</small>
        </div>
        <nav className="nav" aria-label="main" data-testid="nav">
          {navItems.map((item) =>
            item.ready ? (
              <a
                key={item.href}
                href={item.href}
                aria-current={item.href === "/" ? "page" : undefined}
              >
                {t(item.key)}
              </a>
            ) : (
              <span
                key={item.href}
                className="soon"
                aria-disabled="true"
                style={{ padding: "8px 10px" }}
              >
                {t(item.key)}
              </span>
            ),
          )}
          {user?.superAdmin ? (
            <>
              <a href="/admin" data-testid="nav-admin">
                {t("nav.admin")}
              </a>
              <a href="/admin/audit" data-testid="nav-instance-audit">
                {t("nav.instanceAudit")}
              </a>
            </>
          ) : null}
          <a href="/api/docs">{t("nav.apiDocs")}</a>
        </nav>
        {hubs.length > 0 ? (
          <nav
            className="nav hub-switcher"
            aria-label={t("hubs.switch")}
            data-testid="hub-switcher"
          >
            <small>{t("hubs.switch")}</small>
            {hubs.map((hub) => (
              <a key={hub.id} href={`/hub/${hub.slug}`} className="hub-link">
                {hub.logoUrl ? (
                  <img src={hub.logoUrl} alt="" width={20} height={20} className="hub-logo" />
                ) : null}
                {hub.name}
              </a>
            ))}
          </nav>
        ) : null}
      </aside>
      <div className="main">
        <header className="topbar">
          <I18nProvider locale={locale}>
            <UserMenu username={user?.username ?? null} />
          </I18nProvider>
          <LanguageSwitch
            current={locale}
            label={t("shell.language")}
            options={locales.map((value) => ({ value, label: localeNames[value] }))}
          />
        </header>
        <main id="content" className="content">
          <I18nProvider locale={locale}>
            <ApiProvider locale={locale}>{children}</ApiProvider>
          </I18nProvider>
        </main>
      </div>
    </div>
  );
}
