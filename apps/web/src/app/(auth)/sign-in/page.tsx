import { safeLocalPath } from "@guildhall/auth";
import { one, type SearchParams } from "~/lib/search-params";
import { translate } from "@guildhall/core/i18n";
import { ProviderButtons } from "~/components/provider-buttons";
import { QrSignIn } from "~/components/qr/qr-sign-in";
import { SignInForm } from "~/components/sign-in-form";
import { pageCaller } from "~/server/caller";
import { requestLocale } from "~/server/locale";

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const [locale, search, providers] = await Promise.all([
    requestLocale(),
    searchParams,
    pageCaller().then((api) => api.auth.providers()),
  ]);
  // Our refusals come as ?error=CODE; next-auth's credentials refusals as ?code=CODE.
  const error = one(search.code) ?? one(search.error);
  const mfaStep = one(search.step) === "mfa";
  // Only our own pages: "/x" but never "//host" or "/\host" (an open redirect).
  const next = safeLocalPath(one(search.next), "/");
  return (
    <>
      <h1 data-testid="page-heading">{translate(locale, "auth.signIn")}</h1>
      <SignInForm
        initialStep={mfaStep ? "code" : "password"}
        initialError={mfaStep ? undefined : error}
        provider={one(search.provider)}
        next={next}
      />
      <ProviderButtons providers={providers.items.map((provider) => provider.id)} next={next} />
      <QrSignIn next={next} />
      <p className="note">
        <a href="/forgot-password">{translate(locale, "auth.forgot")}</a>
      </p>
      <p className="note">
        {translate(locale, "auth.noAccount")}{" "}
        <a href="/register">{translate(locale, "auth.register")}</a>
      </p>
    </>
  );
}
