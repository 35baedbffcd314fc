"use client";

import { toGuildhallError } from "@guildhall/client";
import { skipToken, useMutation } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useErrorText, useT } from "~/lib/i18n";
import { useTRPC } from "~/lib/trpc";

type Phase = "waiting" | "scanned" | "signing-in" | "denied" | "expired" | "failed";

interface QrEvent {
  type: string;
  payload: { username?: string; ticket?: string };
}

/**
 * "Sign in with a QR code": the browser asks for a request, shows its QR code
 * and waits on the request's subscription; a signed-in device scans it and
 * approves; the one-time ticket that arrives is exchanged for the session cookie.
 */
export function QrSignIn({ next = "/" }: { next?: string }) {
  const t = useT();
  const errorText = useErrorText();
  const trpc = useTRPC();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [phase, setPhase] = useState<Phase>("waiting");
  const [scannedBy, setScannedBy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const create = useMutation(trpc.qrLogin.create.mutationOptions());
  const request = create.data;

  function start() {
    setOpen(true);
    setPhase("waiting");
    setScannedBy(null);
    setError(null);
    create.mutate();
  }

  useEffect(() => {
    if (!request) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [request]);

  async function exchange(ticket: string) {
    setPhase("signing-in");
    const result = await signIn("qr", { ticket, redirect: false });
    if (result?.ok && !result.error) {
      router.push(next);
      router.refresh();
    } else {
      setPhase("failed");
      setError(errorText(result?.code ?? undefined, "auth.failed"));
    }
  }

  const subscription = useSubscription(
    trpc.qrLogin.watch.subscriptionOptions(
      request && (phase === "waiting" || phase === "scanned")
        ? { requestId: request.requestId, secret: request.secret }
        : skipToken,
      {
        onData: (event) => {
          const item: QrEvent = "data" in event ? event.data : event;
          if (item.type === "scanned") {
            setPhase("scanned");
            setScannedBy(item.payload.username ?? null);
          } else if (item.type === "approved" && item.payload.ticket) {
            void exchange(item.payload.ticket);
          } else if (item.type === "denied") setPhase("denied");
          else if (item.type === "expired") setPhase("expired");
        },
      },
    ),
  );

  if (!open) {
    return (
      <button type="button" className="secondary" onClick={start} data-testid="qr-start">
        {t("qr.signInWithQr")}
      </button>
    );
  }
  const failure = create.error ?? subscription.error;
  const secondsLeft = request
    ? Math.max(0, Math.round((request.expiresAt.getTime() - now) / 1000))
    : null;
  const expired = phase === "expired" || secondsLeft === 0;

  return (
    <section className="panel qr-panel" data-testid="qr-sign-in">
      <h2>{t("qr.signInWithQr")}</h2>
      {request && !expired && phase !== "denied" ? (
        <>
          <p>{t("qr.scanPrompt")}</p>
          {/* A data: URL made on the server; a plain img keeps it out of the image optimizer. */}
          <img src={request.qrDataUrl} alt={t("qr.codeAlt")} width={220} height={220} />
          <p className="note">
            {t("qr.orOpen")}{" "}
            <a href={request.approveUrl} data-testid="qr-approve-url">
              {request.approveUrl}
            </a>
          </p>
          <p className="note" data-testid="qr-status" aria-live="polite">
            {phase === "scanned"
              ? t("qr.scanned", { username: scannedBy ?? "—" })
              : phase === "signing-in"
                ? t("qr.signingIn")
                : t("qr.waiting", { seconds: secondsLeft ?? 0 })}
          </p>
        </>
      ) : null}
      {expired || phase === "denied" ? (
        <p className="form-error" role="alert" data-testid="qr-status">
          {phase === "denied" ? t("qr.denied") : t("qr.expired")}
        </p>
      ) : null}
      {error || failure ? (
        <p className="form-error" role="alert">
          {error ?? toGuildhallError(failure).message}
        </p>
      ) : null}
      {expired || phase === "denied" || phase === "failed" ? (
        <button type="button" onClick={start}>
          {t("qr.newCode")}
        </button>
      ) : null}
    </section>
  );
}
