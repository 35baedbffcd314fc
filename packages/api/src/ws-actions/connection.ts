import { AppError } from "@guildhall/core/errors";
import { getEnv } from "@guildhall/core/env";
import { getLogger } from "@guildhall/core/logger";
import { randomUUID } from "node:crypto";
import type { Context } from "../context";
import { callAction } from "./call";
import { ACTION_CLOSE_CODES, ACTION_CLOSE_REASONS, type ActionCloseKind } from "./close-codes";
import { chargeFrame, errorBody, refusal } from "./errors";
import { errorFrame, okFrame, pongFrame } from "./frames";
import { socketFlow } from "./flow";
import { parseFrame, type ActionFrame } from "./parse";
import { largestUploadBytes, procedureAt } from "./procedures";
import type { ActionConnection, ActionConnectionOptions, ActionSocket } from "./socket";
import { socketSubscriptions } from "./subscriptions";
import { expiryTimer } from "./expiry";

/**
 * The largest frame any action takes: the general body limit or the largest
 * upload's own. The server sets it as the socket's `maxPayload`, so a larger
 * frame is refused (1009) before it is read into memory.
 */
export function largestActionFrameBytes(maxMessageBytes = getEnv().BODY_LIMIT_BYTES): number {
  return hardLimit(maxMessageBytes);
}

/** The general limit or the largest upload's, whichever is larger: past it a frame is not parsed. */
function hardLimit(maxMessageBytes: number): number {
  return Math.max(maxMessageBytes, largestUploadBytes);
}

/**
 * One action socket (docs/ws-actions.md): the first frame must authenticate;
 * then each frame is one action, answered on its own (replies of concurrent
 * actions may arrive in any order: match them by `id`). Nothing here is
 * shared between sockets; the server owns the `ws` socket and calls
 * `receive` per frame and `closed` when it closes.
 */
export function openActionConnection(
  socket: ActionSocket,
  options: ActionConnectionOptions,
): ActionConnection {
  const maxMessageBytes = options.maxMessageBytes ?? getEnv().BODY_LIMIT_BYTES;
  const largest = hardLimit(maxMessageBytes);
  const locale = options.locale ?? "en";
  const stop = new AbortController();
  const flow = socketFlow(socket, {
    pauseAboveBytes: options.pauseAboveBytes ?? 1024 * 1024,
    closeAboveBytes: options.closeAboveBytes ?? 16 * 1024 * 1024,
  });
  let contextFor: (() => Context) | null = null;
  let authenticating: Promise<void> | null = null;
  const expiry = expiryTimer(() => close("tokenExpired"));
  const authTimer = setTimeout(() => close("authTimeout"), options.authTimeoutMs ?? 10_000);

  function send(frame: string) {
    if (stop.signal.aborted) return;
    try {
      socket.send(frame);
    } catch {
      closed();
      return;
    }
    if (flow.overflowing()) close("tooSlow");
  }
  const subscriptions = socketSubscriptions({
    send,
    congested: flow.congested,
    drained: flow.drained,
    maxLive: options.maxSubscriptions ?? 32,
  });

  function closed() {
    if (stop.signal.aborted) return;
    stop.abort();
    clearTimeout(authTimer);
    expiry.clear();
    flow.stop();
    subscriptions.stopAll();
  }
  function close(kind: ActionCloseKind) {
    if (stop.signal.aborted) return;
    closed();
    socket.close(ACTION_CLOSE_CODES[kind], ACTION_CLOSE_REASONS[kind]);
  }
  /** The first frame: `{ action: "auth", token }`, or the socket closes. */
  async function authenticate(text: string): Promise<void> {
    const parsed = parseFrame(text);
    const frame = parsed.ok ? parsed.frame : null;
    const token = frame?.message.token;
    const id = parsed.ok ? parsed.frame.id : parsed.id;
    if (frame?.action !== "auth" || typeof token !== "string") {
      const action = parsed.ok ? parsed.frame.action : parsed.action;
      send(errorFrame(action, id, errorBody(new AppError("UNAUTHENTICATED"), locale, null)));
      return close("authFailed");
    }
    let factory: (() => Context) | null;
    try {
      factory = await options.authenticate(token);
    } catch (cause) {
      const requestId = randomUUID();
      getLogger().error({ err: cause, requestId }, "websocket authentication failed");
      send(errorFrame("auth", id, errorBody(cause, locale, requestId)));
      return close("authFailed");
    }
    if (stop.signal.aborted) return;
    if (!factory) {
      send(errorFrame("auth", id, errorBody(new AppError("INVALID_TOKEN"), locale, null)));
      return close("authFailed");
    }
    clearTimeout(authTimer);
    contextFor = factory;
    const ctx = factory();
    send(okFrame("auth", id, { userId: ctx.principal?.userId ?? null }));
    options.onAuthenticated?.(ctx);
    expiry.arm(ctx.principal?.expiresAt ?? null);
  }

  /** One action frame of an authenticated socket. */
  async function act(ctx: Context, frame: ActionFrame, bytes: number): Promise<void> {
    const { action, id, input } = frame;
    if (action === "ping") {
      const limited = await chargeFrame(ctx);
      return send(limited ? errorFrame(action, id, limited) : pongFrame(id));
    }
    if (action === "subscribe") return subscriptions.subscribe(ctx, frame);
    if (action === "unsubscribe") return subscriptions.unsubscribe(ctx, frame);
    const procedure = procedureAt(action);
    if (action === "auth" || !procedure || procedure.kind === "subscription") {
      // Auth is once per socket (reconnect to change credentials); subscriptions go through `subscribe`.
      const cause = new AppError(action === "auth" ? "BAD_REQUEST" : "UNKNOWN_ACTION");
      return send(errorFrame(action, id, await refusal(ctx, cause)));
    }
    if (bytes > Math.max(maxMessageBytes, procedure.meta?.bodyLimitBytes ?? 0))
      return send(errorFrame(action, id, await refusal(ctx, new AppError("PAYLOAD_TOO_LARGE"))));
    send(
      await callAction(ctx, { path: action, kind: procedure.kind, id, input, signal: stop.signal }),
    );
  }

  async function receive(data: string | Buffer): Promise<void> {
    if (stop.signal.aborted) return;
    const bytes = typeof data === "string" ? Buffer.byteLength(data) : data.byteLength;
    if (bytes > largest) return close("messageTooBig");
    const text = typeof data === "string" ? data : data.toString("utf8");
    if (!contextFor && !authenticating) {
      authenticating = authenticate(text);
      return authenticating;
    }
    // Frames sent right behind the auth message wait for its answer.
    await authenticating;
    if (!contextFor || stop.signal.aborted) return;
    const ctx = contextFor();
    try {
      const parsed = parseFrame(text);
      if (parsed.ok) await act(ctx, parsed.frame, bytes);
      else send(errorFrame(parsed.action, parsed.id, await refusal(ctx, parsed.error)));
    } catch (cause) {
      send(errorFrame(null, null, errorBody(cause, ctx.locale, ctx.requestId, ctx)));
    }
  }

  return { receive, closed, close };
}
