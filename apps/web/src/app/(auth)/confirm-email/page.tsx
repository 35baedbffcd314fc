import { AppError } from "@guildhall/core/errors";
import { confirmEmail } from "@guildhall/core/identity";
import { getDatabase } from "@guildhall/core/runtime";
import { translate } from "@guildhall/core/i18n";
import { redirect } from "next/navigation";
import { requestLocale } from "~/server/locale";

/**
 * The page a confirmation mail links to. Confirming is a write, so it happens
 * when the person presses the button (a POST), not when a mail scanner
 * prefetches the link.
 */
export default async function ConfirmEmailPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string; done?: string }>;
}) {
  const [locale, { token, done }] = await Promise.all([requestLocale(), searchParams]);
  async function confirm(form: FormData) {
    "use server";
    const value = form.get("token");
    const { db } = await getDatabase();
    let target = "/confirm-email?done=";
    try {
      const { username } = await confirmEmail(db, typeof value === "string" ? value : "");
      target = `/confirm-email?done=${encodeURIComponent(username)}`;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
    }
    redirect(target);
  }
  return (
    <>
      <h1 data-testid="page-heading">{translate(locale, "auth.confirmHeading")}</h1>
      {done !== undefined ? (
        <p role="status">
          {done
            ? translate(locale, "auth.confirmDone", { name: done })
            : translate(locale, "auth.confirmFailed")}
        </p>
      ) : token ? (
        <form action={confirm} className="auth-form">
          <input type="hidden" name="token" value={token} />
          <button type="submit">{translate(locale, "auth.confirmHeading")}</button>
        </form>
      ) : (
        <p className="form-error">{translate(locale, "auth.confirmFailed")}</p>
      )}
    </>
  );
}
