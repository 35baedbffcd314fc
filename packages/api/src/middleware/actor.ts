import type { HubActor, Principal } from "@guildhall/core/access";
import type { HubScope } from "./hub";

/** The acting member for core's hub rules, from a hub procedure's context. */
export function actorOf(ctx: {
  hub: HubScope;
  principal: Principal;
  ip: string | null;
  requestId: string;
}): HubActor {
  return {
    hubId: ctx.hub.id,
    userId: ctx.principal.userId,
    superAdmin: ctx.principal.superAdmin,
    highest: ctx.hub.highest,
    permissions: ctx.hub.grants.permissions,
    ip: ctx.ip,
    requestId: ctx.requestId,
  };
}
