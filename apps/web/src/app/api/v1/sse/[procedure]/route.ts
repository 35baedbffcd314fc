import { openSseStream } from "@guildhall/api";
import { contextFromRequest } from "~/server/context";
import { failureBeforeProcedure } from "~/server/rest-errors";

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
    return failureBeforeProcedure(req, cause);
  }
}
