"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent } from "react";
import { Field } from "~/components/field";
import { formText } from "~/lib/form";
import { useT } from "~/lib/i18n";
import { useTRPC } from "~/lib/trpc";
import { RecoveryCodes } from "./recovery-codes";
import { FormError } from "~/components/form-error";

/** Set up (QR), confirm, or turn off TOTP; shows recovery codes once, and renews them. */
export function MfaPanel() {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useQuery(trpc.users.me.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.users.me.queryKey() });
  const setup = useMutation(trpc.mfa.setup.mutationOptions());
  const enable = useMutation(trpc.mfa.enable.mutationOptions({ onSuccess: refresh }));
  const disable = useMutation(trpc.mfa.disable.mutationOptions({ onSuccess: refresh }));
  const error = enable.error ?? disable.error;
  const code = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    return formText(new FormData(event.currentTarget), "code");
  };

  return (
    <section className="panel" data-testid="mfa-panel">
      <h2>
        {t("security.mfa")}: {me.data?.mfaEnabled ? t("security.mfaOn") : t("security.mfaOff")}
      </h2>
      {enable.data ? (
        <>
          <p>{t("security.recoveryCodes")}</p>
          <div className="codes" data-testid="recovery-codes">
            {enable.data.recoveryCodes.map((c) => (
              <span key={c}>{c}</span>
            ))}
          </div>
        </>
      ) : null}
      {me.data && !me.data.mfaEnabled && !setup.data ? (
        <button type="button" onClick={() => setup.mutate()} disabled={setup.isPending}>
          {t("security.mfaSetup")}
        </button>
      ) : null}
      {me.data && !me.data.mfaEnabled && setup.data ? (
        <form className="stack" onSubmit={(e) => enable.mutate({ code: code(e) })}>
          <p>{t("security.mfaScan")}</p>
          <img src={setup.data.qrCode} alt="otpauth QR" width={200} height={200} />
          <code className="secret" data-testid="mfa-secret">
            {setup.data.secret}
          </code>
          <Field label={t("auth.mfaCode")} name="code" autoComplete="one-time-code" required />
          <button type="submit" disabled={enable.isPending}>
            {t("security.mfaEnable")}
          </button>
        </form>
      ) : null}
      {me.data?.mfaEnabled ? (
        <RecoveryCodes
          remaining={me.data.recoveryCodesRemaining}
          onRegenerated={() => {
            // The codes shown when MFA was turned on are dead now.
            enable.reset();
            return refresh();
          }}
        />
      ) : null}
      {me.data?.mfaEnabled ? (
        <form className="stack" onSubmit={(e) => disable.mutate({ code: code(e) })}>
          <Field label={t("auth.mfaCode")} name="code" autoComplete="one-time-code" required />
          <button type="submit" className="secondary" disabled={disable.isPending}>
            {t("security.mfaDisable")}
          </button>
        </form>
      ) : null}
      <FormError error={error} />
    </section>
  );
}
