import type { ConfigActor, Principal } from "@guildhall/core";
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
