import { can, grantsFrom, type Permission } from "@guildhall/permissions";
import { TRPCError } from "@trpc/server";
import { cache } from "react";
import { pageCaller } from "./caller";

/**
 * What the signed-in user may do in a hub, asked of the API's hub middleware
 * (`hubs.myPermissions`), so a page shows only the controls that will work.
 * The API checks every call again; this only decides what to render. Null
 * without a session, or when the hub is unknown, not the user's (the API's
 * NOT_FOUND) or no hub name at all. Once per render: the hub layout and its page share the answer.
 */
export const hubAccess = cache(async (hubSlug: string) => {
  try {
    const mine = await (await pageCaller()).hubs.myPermissions({ hubSlug });
    const grants = grantsFrom(mine.permissions, mine.superAdmin);
    return {
      hub: mine.hub,
      superAdmin: mine.superAdmin,
      can: (permission: Permission) => can(grants, permission),
    };
  } catch (error) {
    if (
      error instanceof TRPCError &&
      ["NOT_FOUND", "UNAUTHORIZED", "BAD_REQUEST"].includes(error.code)
    )
      return null;
    throw error;
  }
});
