import type { Principal } from "@guildhall/api";
import { pageContext } from "./caller";

/** The signed-in dashboard user (cookie session, re-checked as for every API call), or null. */
export async function currentUser(): Promise<Principal | null> {
  return (await pageContext()).principal;
}
