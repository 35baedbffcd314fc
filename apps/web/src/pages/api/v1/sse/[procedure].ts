import { serveSse } from "@guildhall/api";
import { TRPCError } from "@trpc/server";
import type { IncomingHttpHeaders } from "node:http";
import type { NextApiRequest, NextApiResponse } from "next";
import { nodeCookieSession } from "~/server/auth";
import { contextFromRequest } from "~/server/context";
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
  if (req.method !== "GET") {
    const { status, body } = restFailure(headers, new TRPCError({ code: "METHOD_NOT_SUPPORTED" }));
    res.setHeader("allow", "GET");
    res.status(status).json(body);
    return;
  }
  const resHeaders = new Headers();
  let ctx;
  try {
    ctx = await contextFromRequest(
      { method: req.method, headers, transport: "sse" },
      resHeaders,
      () => nodeCookieSession(req, res),
    );
  } catch (cause) {
    const { status, body } = restFailure(
      headers,
      new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause }),
    );
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
      headers: resHeaders,
    },
    res,
  );
}
