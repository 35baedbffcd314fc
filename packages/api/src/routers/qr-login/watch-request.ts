import {
  issueQrTicket,
  openQrWatch,
  qrLoginChannel,
  touchQrBrowser,
} from "@guildhall/core/qr-login";
import { openChannel, requireBus, resumeAfter } from "@guildhall/core/realtime";
import { tracked } from "@trpc/server";
import { z } from "zod";
import { publicProcedure } from "../../procedures";
import { requestId, secret } from "./qr-login.types";

/** While it watches, the browser counts as waiting (approval needs a heartbeat in the last 30 s). */
const HEARTBEAT_MS = 15_000;

/**
 * The asking browser, live: `scanned` (who opened the code), then `approved`
 * with a one-time ticket for `qrLogin.exchange`, or `denied`; `expired` when
 * the request runs out. The stream ends after any of the last three. The
 * ticket is minted here, per delivery, and never stored in the event: a
 * browser that connects again (without `lastEventId`) gets a fresh ticket and
 * the older one stops working.
 */
export const watchRequest = publicProcedure
  .meta({
    summary: "Wait for a QR sign-in decision",
    events: {
      ready: "The stream is live (untracked)",
      scanned: "A signed-in device opened the code: { username, displayName, avatarUrl } (tracked)",
      approved: "The device approved: { ticket, expiresAt } for qrLogin.exchange; the stream ends",
      denied: "The device refused; the stream ends",
      expired: "The request ran out; the stream ends",
    },
  })
  .input(z.object({ requestId, secret, lastEventId: z.string().regex(/^\d+$/).nullish() }))
  .subscription(async ({ ctx, input, signal }) => {
    // Checked before the stream starts, so a refusal is an ordinary tRPC error.
    const bus = await requireBus(ctx);
    const request = await openQrWatch(ctx.db, input.requestId, input.secret);
    return live();
    async function* live() {
      const stop = new AbortController();
      const end = () => stop.abort();
      signal?.addEventListener("abort", end, { once: true });
      let expired = false;
      const expiry = setTimeout(() => {
        expired = true;
        stop.abort();
      }, request.expiresAt.getTime() - Date.now());
      const heartbeat = setInterval(
        () => void touchQrBrowser(ctx.db, request.id).catch(() => undefined),
        HEARTBEAT_MS,
      );
      try {
        const { events } = await openChannel(
          bus,
          qrLoginChannel,
          { requestId: request.id },
          { db: ctx.db, principal: ctx.principal, actor: null },
          // From the first event unless resuming: the stream holds two or three
          // events, and a browser that connects late must still learn its answer.
          { after: resumeAfter(input.lastEventId) ?? 0, signal: stop.signal },
        );
        yield { type: "ready", payload: {} };
        for await (const item of events) {
          if (item.kind === "signal") continue;
          if (item.type === "approved") {
            const ticket = await issueQrTicket(ctx.db, request.id);
            if (ticket) yield tracked(String(item.seq), { type: "approved", payload: ticket });
            return;
          }
          yield tracked(String(item.seq), { type: item.type, payload: item.payload });
          if (item.type === "denied") return;
        }
        if (expired) yield { type: "expired", payload: {} };
      } finally {
        // Ends the subscription however this generator ends.
        stop.abort();
        clearTimeout(expiry);
        clearInterval(heartbeat);
        signal?.removeEventListener("abort", end);
      }
    }
  });
