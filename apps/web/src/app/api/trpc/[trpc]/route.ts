import { appRouter } from "@guildhall/api";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { contextFromRequest } from "~/server/context";

export const dynamic = "force-dynamic";

/** Queries, batched mutations, and subscriptions as Server-Sent Events. */
function handler(req: Request) {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: ({ resHeaders }) => contextFromRequest(req, resHeaders),
    allowMethodOverride: true,
  });
}

export { handler as GET, handler as POST };
