import { createContext, type Context } from "@guildhall/api";
import { getDatabase, resolvePrincipal } from "@guildhall/core";

/** Per-request context for the route handlers (tRPC and REST). */
export async function contextFromRequest(req: Request, resHeaders?: Headers): Promise<Context> {
  const handle = await getDatabase();
  const principal = await resolvePrincipal(handle.db, req.headers.get("authorization"));
  return createContext({
    db: handle.db,
    dbKind: handle.kind,
    headers: req.headers,
    resHeaders,
    principal,
  });
}
