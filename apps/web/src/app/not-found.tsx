import { translate } from "@guildhall/core/i18n";
import { requestLocale } from "~/server/locale";

/** Our own 404: Next's built-in one carries an inline <style> the CSP (nonce only) refuses. */
export default async function NotFound() {
  const locale = await requestLocale();
  return (
    <main className="auth-page">
      <div className="auth-card">
        <h1 data-testid="page-heading">404</h1>
        <p>{translate(locale, "errors.notFound")}</p>
        <a href="/">{translate(locale, "nav.overview")}</a>
      </div>
    </main>
  );
}
