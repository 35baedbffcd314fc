import { router } from "../../trpc";
import { changePassword } from "./change-password";
import { completeMfa } from "./complete-mfa";
import { listSessions } from "./list-sessions";
import { login } from "./login";
import { logout } from "./logout";
import { logoutAll } from "./logout-all";
import { refresh } from "./refresh";
import { register } from "./register";
import { revokeSession } from "./revoke-session";
import { verify } from "./verify";

export const authRouter = router({
  register,
  login,
  completeMfa,
  refresh,
  logout,
  logoutAll,
  verify,
  changePassword,
  sessions: router({ list: listSessions, revoke: revokeSession }),
});
