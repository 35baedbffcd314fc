import { appRouter, bodyLimitOf } from "@guildhall/api";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { payloadTooLarge, withinBodyLimit } from "~/server/body-limit";
import { contextFromRequest } from "~/server/context";
import { trpcFailure, trpcPaths } from "~/server/trpc-failure";

export const dynamic = "force-dynamic";

const endpoint = "/api/trpc";

/** Queries, batched mutations, and subscriptions as Server-Sent Events. */
async function handler(original: Request) {
  // A batch may carry as much as the most generous of its procedures (uploads).
  const limit = bodyLimitOf(trpcPaths(new URL(original.url), endpoint));
  const req = await withinBodyLimit(original, limit);
  if (!req) return trpcFailure(original, endpoint, payloadTooLarge(limit));
  return fetchRequestHandler({
    endpoint,
    req,
    router: appRouter,
    createContext: ({ resHeaders }) => contextFromRequest(req, resHeaders),
    allowMethodOverride: true,
  });
}

export { handler as GET, handler as POST };
