import { serveSse } from "@guildhall/api";
import { TRPCError } from "@trpc/server";
import type { IncomingMessage, ServerResponse } from "node:http";
import { apiContext, countAnswer } from "../api-request";
import { nodeHeaders } from "../node/node-headers";
import { restFailure } from "../rest-errors";

const prefix = "/api/v1/sse/";

/** The procedure a `/api/v1/sse/<procedure>` path names ("" for a malformed escape: none). */
function procedureOf(pathname: string): string {
  try {
    return decodeURIComponent(pathname.slice(prefix.length));
  } catch {
    return "";
  }
}

/** A JSON answer in the REST error shape, with the headers the context collected. */
function refuse(res: ServerResponse, headers: Headers, error: TRPCError, requestId: string) {
  const { status, body } = restFailure(headers, error, requestId);
  res.setHeader("x-request-id", requestId);
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

/**
 * The plain Server-Sent-Events URL of every subscription, for consumers
 * without the typed client: `GET /api/v1/sse/tickets.watch?hubSlug=demo&ticketId=…`
 * with `Authorization: Bearer …` (or the dashboard cookie). Frames carry plain
 * JSON; a reconnecting EventSource resumes from its Last-Event-ID. Served on
 * the Node response itself, so frames go straight to the socket (`serveSse`).
 */
export async function handleSse(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const headers = nodeHeaders(req);
  const made = await apiContext({ method: req.method ?? "GET", headers, transport: "sse" });
  if (!("ctx" in made)) {
    const error = new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause: made.cause });
    refuse(res, headers, error, made.requestId);
    return;
  }
  const { ctx } = made;
  if (req.method !== "GET") {
    // The server guard refuses other methods first (405); this is in case it is not there.
    const limited = await countAnswer(ctx);
    ctx.resHeaders.forEach((value, key) => res.setHeader(key, value));
    res.setHeader("allow", "GET");
    refuse(res, headers, limited ?? new TRPCError({ code: "METHOD_NOT_SUPPORTED" }), ctx.requestId);
    return;
  }
  const url = new URL(req.url ?? "/", "http://localhost");
  await serveSse(
    {
      path: procedureOf(url.pathname),
      ctx,
      params: Object.fromEntries(url.searchParams),
      lastEventId: headers.get("last-event-id"),
      headers: ctx.resHeaders,
    },
    res,
  );
}
