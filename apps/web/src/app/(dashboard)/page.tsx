import { translate } from "@guildhall/core/i18n";
import { SystemStatus } from "~/components/system-status";
import { requestLocale } from "~/server/locale";

export default async function OverviewPage() {
  const locale = await requestLocale();
  const t = (key: Parameters<typeof translate>[1]) => translate(locale, key);
  return (
    <>
      <h1 data-testid="page-heading">{t("overview.heading")}</h1>
      <SystemStatus
        labels={{
          database: t("overview.database"),
          version: t("overview.version"),
          uptime: t("overview.uptime"),
          healthy: t("overview.healthy"),
          unhealthy: t("overview.unhealthy"),
          loading: t("overview.loading"),
        }}
      />
      <p className="note">{t("overview.comingSoon")}</p>
      <p className="note">
        {t("overview.api")} <a href="/api/docs">/api/docs</a> ·{" "}
        <a href="/api/openapi.json">/api/openapi.json</a>
      </p>
    </>
  );
}
