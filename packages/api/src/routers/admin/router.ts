import { router } from "../../trpc";
import { createUser } from "./create-user";
import { deleteUser } from "./delete-user";
import { listHubs } from "./list-hubs";
import { listMailbox } from "./list-mailbox";
import { listUsers } from "./list-users";
import { renameUser } from "./rename-user";
import { resetPassword } from "./reset-password";
import { setInstanceAdmin } from "./set-instance-admin";
import { setUserActive } from "./set-user-active";

export const adminRouter = router({
  mailbox: router({ list: listMailbox }),
  hubs: router({ list: listHubs }),
  users: router({
    list: listUsers,
    create: createUser,
    setActive: setUserActive,
    setInstanceAdmin,
    rename: renameUser,
    resetPassword,
    delete: deleteUser,
  }),
});
