import { describeError, openSseStream } from "@guildhall/api";
import { resolveLocale } from "@guildhall/core";
import { TRPCError } from "@trpc/server";
import { contextFromRequest } from "~/server/context";

export const dynamic = "force-dynamic";

/**
 * The plain Server-Sent-Events URL of every subscription, for consumers
 * without the typed client: `GET /api/v1/sse/tickets.watch?hubSlug=demo&ticketId=…`
 * with `Authorization: Bearer …` (or the dashboard cookie). Frames carry plain
 * JSON; a reconnecting EventSource resumes from its Last-Event-ID.
 */
export async function GET(req: Request, { params }: { params: Promise<{ procedure: string }> }) {
  const { procedure } = await params;
  const url = new URL(req.url);
  const resHeaders = new Headers();
  try {
    const ctx = await contextFromRequest(req, resHeaders);
    return await openSseStream({
      path: procedure,
      ctx,
      params: Object.fromEntries(url.searchParams),
      lastEventId: req.headers.get("last-event-id"),
      signal: req.signal,
      headers: resHeaders,
    });
  } catch (cause) {
    // Failures before a procedure runs (e.g. the database is unreachable).
    const locale = resolveLocale(null, req.headers.get("accept-language"));
    const { httpStatus, ...body } = describeError(
      new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause }),
      locale,
      null,
    );
    return Response.json(body, { status: httpStatus });
  }
}
