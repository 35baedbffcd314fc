import { AppError } from "@guildhall/core/errors";
import { isFeatureEnabled } from "@guildhall/core/features";
import type { Permission } from "@guildhall/permissions";
import { experimental_standaloneMiddleware } from "@trpc/server";
import type { Context, Principal } from "../context";
import { hubProcedure, type HubScope } from "./hub";
import { permissionProcedure } from "./permission";

/** What the gate needs: a hub procedure's context (the hub resolved, a signed-in caller). */
interface FeatureGateContext {
  db: Context["db"];
  hub: HubScope;
  principal: Principal;
}

/**
 * Lets a hub procedure run only while feature `key` is on for the caller in
 * the hub (enabled there, caller targeted, inside the rollout): use it as
 * `permissionProcedure("ticket.create").use(feature("tickets.v2"))`.
 *
 * Otherwise the answer is FEATURE_DISABLED, HTTP 403. Not 404: the procedure
 * is in the published API document anyway, and the caller (a member, past
 * its permission check) should learn that it is switched off for them rather
 * than retry as if the path were wrong. A key missing from the catalogue is off.
 */
export function feature(key: string) {
  return experimental_standaloneMiddleware<{ ctx: FeatureGateContext }>().create(
    async ({ ctx, next }) => {
      const on = await isFeatureEnabled(ctx.db, {
        hubId: ctx.hub.id,
        userId: ctx.principal.userId,
        featureKey: key,
        roleIds: ctx.hub.roles.map((role) => role.id),
      });
      if (!on) throw new AppError("FEATURE_DISABLED", { feature: key });
      return next();
    },
  );
}

/** A hub procedure (optionally also requiring a permission) gated on feature `key`. */
export function featureProcedure(key: string, permission?: Permission) {
  if (permission) return permissionProcedure(permission).use(feature(key));
  return hubProcedure.use(feature(key));
}
