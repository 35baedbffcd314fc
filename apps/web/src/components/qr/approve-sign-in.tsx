"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useT } from "~/lib/i18n";
import { useTRPC } from "~/lib/trpc";
import { FormError } from "~/components/form-error";

/**
 * The signed-in device's side of a QR sign-in: opening the page claims the
 * request as its second party, shows which browser asks, and approves or
 * denies. Nobody else can answer once this session has opened it.
 */
export function ApproveSignIn({ requestId }: { requestId: string }) {
  const t = useT();
  const trpc = useTRPC();
  const request = useQuery({
    ...trpc.qrLogin.inspect.queryOptions({ requestId }),
    retry: false,
    refetchOnWindowFocus: false,
  });
  const approve = useMutation(trpc.qrLogin.approve.mutationOptions());
  const deny = useMutation(trpc.qrLogin.deny.mutationOptions());
  const failure = request.error ?? approve.error ?? deny.error;

  if (failure) return <FormError error={failure} testId="approve-error" />;
  const data = request.data;
  if (!data) return <p className="note">{t("qr.loading")}</p>;
  if (approve.isSuccess) return <p data-testid="approve-result">{t("qr.approvedDone")}</p>;
  if (deny.isSuccess) return <p data-testid="approve-result">{t("qr.deniedDone")}</p>;

  return (
    <section className="panel" data-testid="approve-sign-in">
      <p>{t("qr.approvePrompt")}</p>
      <dl className="facts">
        <dt>{t("qr.browser")}</dt>
        <dd data-testid="approve-agent">{data.userAgent ?? "—"}</dd>
        <dt>{t("qr.address")}</dt>
        <dd>{data.ip ?? "—"}</dd>
        <dt>{t("qr.askedAt")}</dt>
        <dd>{data.createdAt.toLocaleString()}</dd>
      </dl>
      {!data.browserWaiting ? <p className="note">{t("qr.browserNotWaiting")}</p> : null}
      <div className="inline">
        <button
          type="button"
          disabled={approve.isPending || deny.isPending}
          onClick={() => approve.mutate({ requestId })}
        >
          {t("qr.approve")}
        </button>
        <button
          type="button"
          className="secondary"
          disabled={approve.isPending || deny.isPending}
          onClick={() => deny.mutate({ requestId })}
        >
          {t("qr.deny")}
        </button>
      </div>
    </section>
  );
}
