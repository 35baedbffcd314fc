import { countBeforeProcedure, createContext } from "@guildhall/api";
import { errorCodes } from "@guildhall/core/errors";
import { translate } from "@guildhall/core/i18n";
import { resolvePrincipal } from "@guildhall/core/identity";
import { getDatabase } from "@guildhall/core/runtime";

/**
 * A refusal of the server guard (405, a malformed path) on an /api path,
 * counted in the caller's global bucket like the routes' refusals (the
 * caller: the bearer token's user, else the address; the guard sees no
 * cookie session), with its X-RateLimit-* headers; 429 RATE_LIMITED instead
 * when that bucket is spent. Answered unchanged when the database cannot be
 * reached.
 */
export async function countedRefusal(
  headers: Headers,
  peer: string | null,
  refused: Response,
): Promise<Response> {
  const requestId = refused.headers.get("x-request-id") ?? undefined;
  try {
    const handle = await getDatabase();
    const principal = await resolvePrincipal(handle.db, headers.get("authorization"));
    const ctx = createContext({
      db: handle.db,
      dbKind: handle.kind,
      headers,
      principal,
      peer,
      requestId,
    });
    const limited = await countBeforeProcedure(ctx);
    const answer = limited
      ? Response.json(
          {
            code: limited.code,
            message: translate(ctx.locale, errorCodes[limited.code].key, limited.params),
            fieldErrors: {},
            requestId: ctx.requestId,
            ...limited.details,
          },
          { status: errorCodes[limited.code].http },
        )
      : refused;
    ctx.resHeaders.forEach((value, key) => answer.headers.set(key, value));
    return answer;
  } catch {
    return refused;
  }
}
