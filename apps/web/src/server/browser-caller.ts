import { createBrowserCaller } from "@guildhall/api";
import { headers } from "next/headers";
import { contextFromRequest } from "./context";

/**
 * The dashboard's sign-in steps (the API's browser router) for next-auth's
 * callbacks, with the request's context. The cookie is not read here:
 * next-auth is the one setting it, and linking names the current session
 * explicitly.
 */
export async function browserCaller() {
  const head = { method: "POST", headers: new Headers(await headers()) };
  return createBrowserCaller(await contextFromRequest(head, () => Promise.resolve(null)));
}
