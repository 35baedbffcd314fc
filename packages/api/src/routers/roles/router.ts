import { router } from "../../trpc";
import { createRole } from "./create-role";
import { deleteRole } from "./delete-role";
import { listPermissions } from "./list-permissions";
import { listRoles } from "./list-roles";
import { updateRole } from "./update-role";

export const rolesRouter = router({
  list: listRoles,
  create: createRole,
  update: updateRole,
  delete: deleteRole,
  permissions: listPermissions,
});
