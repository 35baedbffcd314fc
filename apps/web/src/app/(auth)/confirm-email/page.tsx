import { translate } from "@guildhall/core/i18n";
import { redirect } from "next/navigation";
import { actionCaller } from "~/server/caller";
import { clientFault } from "~/server/client-fault";
import { requestLocale } from "~/server/locale";

/**
 * The page a confirmation mail links to. Confirming is a write, so it happens
 * when the person presses the button (a POST), not when a mail scanner
 * prefetches the link. It is `auth.confirmEmail`, with its rate limit and errors.
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
    let target = "/confirm-email?done=";
    try {
      const caller = await actionCaller();
      const token = typeof value === "string" ? value : "";
      const { username } = await caller.auth.confirmEmail({ token });
      target = `/confirm-email?done=${encodeURIComponent(username)}`;
    } catch (error) {
      // A bad or used link, a malformed token, too many tries: the page says it failed.
      if (!clientFault(error)) throw error;
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
