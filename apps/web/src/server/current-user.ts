import { type Principal } from "@guildhall/core/access";
import { sessionPrincipal } from "@guildhall/core/identity";
import { getDatabase } from "@guildhall/core/runtime";
import { cookieSession } from "./auth";

/** The signed-in dashboard user (cookie session, re-checked), or null. */
export async function currentUser(): Promise<Principal | null> {
  const session = await cookieSession();
  if (!session) return null;
  const { db } = await getDatabase();
  return sessionPrincipal(db, session);
}
