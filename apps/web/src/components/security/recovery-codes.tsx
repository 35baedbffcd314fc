"use client";

import { toGuildhallError } from "@guildhall/client";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent } from "react";
import { Field } from "~/components/field";
import { formText } from "~/lib/form";
import { useT } from "~/lib/i18n";
import { useTRPC } from "~/lib/trpc";
import { FormError } from "~/components/form-error";

/** How many recovery codes are left, and new ones for a TOTP code (shown once). */
export function RecoveryCodes({
  remaining,
  onRegenerated,
}: {
  remaining: number;
  onRegenerated: () => unknown;
}) {
  const t = useT();
  const trpc = useTRPC();
  const regenerate = useMutation(
    trpc.mfa.regenerateRecoveryCodes.mutationOptions({ onSuccess: onRegenerated }),
  );
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    regenerate.mutate(
      { code: formText(new FormData(form), "code") },
      { onSuccess: () => form.reset() },
    );
  };
  const codes = regenerate.data?.recoveryCodes;
  const error = regenerate.error ? toGuildhallError(regenerate.error) : null;

  return (
    <div className="stack" data-testid="recovery-codes-panel">
      <p data-testid="recovery-codes-remaining">
        {t("security.recoveryCodesRemaining", { count: remaining })}
      </p>
      {codes ? (
        <>
          <p>{t("security.newRecoveryCodes")}</p>
          <div className="codes" data-testid="new-recovery-codes">
            {codes.map((c) => (
              <span key={c}>{c}</span>
            ))}
          </div>
          <button
            type="button"
            className="secondary"
            onClick={() => void navigator.clipboard?.writeText(codes.join("\n"))}
          >
            {t("security.copyCodes")}
          </button>
        </>
      ) : null}
      <form className="stack" onSubmit={submit} data-testid="regenerate-codes-form">
        <p>{t("security.regenerateHint")}</p>
        <Field label={t("security.totpCode")} name="code" autoComplete="one-time-code" required />
        <button type="submit" disabled={regenerate.isPending}>
          {t("security.regenerateCodes")}
        </button>
      </form>
      <FormError error={error} />
    </div>
  );
}
