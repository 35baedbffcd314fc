import type { Principal } from "@guildhall/core/access";
import type { ConfigActor } from "@guildhall/core/config";
import type { HubScope } from "../../procedures";

/** Who changes the configuration, for core's audit rows. */
export function configActor(ctx: {
  hub: HubScope;
  principal: Principal;
  ip: string | null;
  requestId: string;
}): ConfigActor {
  return { hubId: ctx.hub.id, userId: ctx.principal.userId, ip: ctx.ip, requestId: ctx.requestId };
}
