import { serveSse } from "@guildhall/api";
import { TRPCError } from "@trpc/server";
import type { IncomingHttpHeaders } from "node:http";
import type { NextApiRequest, NextApiResponse } from "next";
import { nodeCookieSession } from "~/server/auth";
import { apiContext, countAnswer } from "~/server/api-request";
import { restFailure } from "~/server/rest-errors";

// No body to parse; a stream has no size limit.
export const config = { api: { bodyParser: false, responseLimit: false } };

function fetchHeaders(source: IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [key, value] of Object.entries(source)) {
    if (typeof value === "string") headers.set(key, value);
    else if (value) for (const item of value) headers.append(key, item);
  }
  return headers;
}

/**
 * The plain Server-Sent-Events URL of every subscription, for consumers
 * without the typed client: `GET /api/v1/sse/tickets.watch?hubSlug=demo&ticketId=…`
 * with `Authorization: Bearer …` (or the dashboard cookie). Frames carry plain
 * JSON; a reconnecting EventSource resumes from its Last-Event-ID.
 *
 * A Pages Router API route rather than a route handler: it gets the Node
 * response, so frames are written to the socket directly instead of through
 * a web stream (see `serveSse`).
 */
export default async function sse(req: NextApiRequest, res: NextApiResponse): Promise<void> {
  const headers = fetchHeaders(req.headers);
  const made = await apiContext({ method: req.method ?? "GET", headers, transport: "sse" }, () =>
    nodeCookieSession(req, res),
  );
  if (!("ctx" in made)) {
    const error = new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause: made.cause });
    const { status, body } = restFailure(headers, error, made.requestId);
    res.setHeader("x-request-id", made.requestId);
    res.status(status).json(body);
    return;
  }
  const { ctx } = made;
  if (req.method !== "GET") {
    // The server guard refuses other methods first (405); this is in case it is not there.
    const limited = await countAnswer(ctx);
    const error = limited ?? new TRPCError({ code: "METHOD_NOT_SUPPORTED" });
    const { status, body } = restFailure(headers, error, ctx.requestId);
    ctx.resHeaders.forEach((value, key) => res.setHeader(key, value));
    res.setHeader("allow", "GET");
    res.status(status).json(body);
    return;
  }
  const { searchParams } = new URL(req.url ?? "/", "http://localhost");
  await serveSse(
    {
      path: String(req.query.procedure),
      ctx,
      params: Object.fromEntries(searchParams),
      lastEventId: headers.get("last-event-id"),
      headers: ctx.resHeaders,
    },
    res,
  );
}
