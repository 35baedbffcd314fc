import { createContext, type Context } from "@guildhall/api";
import { getDatabase } from "@guildhall/core";

/** Per-request context for the route handlers (tRPC and REST). */
export async function contextFromRequest(req: Request, resHeaders?: Headers): Promise<Context> {
  const handle = await getDatabase();
  return createContext({ db: handle.db, dbKind: handle.kind, headers: req.headers, resHeaders });
}
