import { AppError } from "@guildhall/core/errors";
import { can, type Permission } from "@guildhall/permissions";
import { hubProcedure } from "./hub";

/** A hub procedure that also requires `permission` there. */
export function permissionProcedure(permission: Permission) {
  return hubProcedure.meta({ access: { kind: "permission", permission } }).use(({ ctx, next }) => {
    if (!can(ctx.hub.grants, permission))
      throw new AppError("PERMISSION_DENIED", { permission }, { details: { permission } });
    return next();
  });
}
