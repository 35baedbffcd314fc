"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Field } from "~/components/field";
import { useErrorText, useT } from "~/lib/i18n";

/**
 * Password, then (when MFA is on) a code; next-auth sets the session cookie.
 * A provider sign-in that needs the code step arrives with `initialStep="code"`,
 * and a refused one with its error code.
 */
export function SignInForm({
  initialStep = "password",
  initialError,
  provider,
  next = "/",
}: {
  initialStep?: "password" | "code";
  initialError?: string;
  provider?: string;
  /** Where to go once signed in (a path of ours, checked by the page). */
  next?: string;
}) {
  const t = useT();
  const errorText = useErrorText();
  const router = useRouter();
  const [step, setStep] = useState<"password" | "code">(initialStep);
  const [error, setError] = useState<string | null>(
    initialError ? errorText(initialError, "auth.failed", { provider: provider ?? "" }) : null,
  );
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const form = new FormData(event.currentTarget);
    const fields =
      step === "password"
        ? { login: form.get("login"), password: form.get("password") }
        : { code: form.get("code") };
    const result = await signIn("credentials", { ...fields, redirect: false });
    setBusy(false);
    if (result?.ok && !result.error) {
      router.push(next);
      router.refresh();
    } else if (result?.code === "MFA_REQUIRED") {
      setStep("code");
    } else {
      setError(errorText(result?.code ?? undefined, "auth.failed"));
    }
  }

  return (
    <form className="auth-form" onSubmit={(e) => void submit(e)} data-testid="sign-in-form">
      {step === "password" ? (
        <>
          <Field label={t("auth.login")} name="login" autoComplete="username" required />
          <Field
            label={t("auth.password")}
            name="password"
            type="password"
            autoComplete="current-password"
            required
          />
        </>
      ) : (
        <>
          <p>{t("auth.mfaPrompt")}</p>
          <Field
            label={t("auth.mfaCode")}
            name="code"
            autoComplete="one-time-code"
            inputMode="text"
            required
            autoFocus
          />
        </>
      )}
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" disabled={busy}>
        {step === "password" ? t("auth.signIn") : t("auth.continue")}
      </button>
    </form>
  );
}
