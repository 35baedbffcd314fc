import { createCaller, type Context } from "@guildhall/api";
import { headers } from "next/headers";
import { cache } from "react";
import { cookieSession } from "./auth";
import { contextFromRequest } from "./context";

/**
 * The one door from the web app's pages into the API: a procedure caller
 * with the context the request would get on /api/trpc (the same principal
 * resolution, middleware, rate limits, audit rows and error codes). Pages,
 * layouts and server actions use these; none calls core directly (the
 * boundary check keeps it so). next-auth's callbacks use `browserCaller`.
 */
async function requestContext(method: "GET" | "POST"): Promise<Context> {
  return contextFromRequest({ method, headers: new Headers(await headers()) }, cookieSession);
}

/** The page's request as the API sees it (once per render: layout and page share it). */
export const pageContext = cache(() => requestContext("GET"));

/** The API for a server component (queries). */
export const pageCaller = cache(async () => createCaller(await pageContext()));

/** The API for a server action: a POST from our own page (same-origin checked like any write). */
export async function actionCaller() {
  return createCaller(await requestContext("POST"));
}
