import { router } from "../../trpc";
import { changePassword } from "./change-password";
import { completeMfa } from "./complete-mfa";
import { confirmEmail } from "./confirm-email";
import { listProviders } from "./list-providers";
import { listSigningKeys } from "./list-signing-keys";
import { listSessions } from "./list-sessions";
import { login } from "./login";
import { logout } from "./logout";
import { logoutAll } from "./logout-all";
import { refresh } from "./refresh";
import { register } from "./register";
import { requestPasswordReset } from "./request-password-reset";
import { resetPassword } from "./reset-password";
import { revokeSession } from "./revoke-session";
import { sendEmailConfirmation } from "./send-email-confirmation";
import { verify } from "./verify";

export const authRouter = router({
  register,
  login,
  completeMfa,
  refresh,
  logout,
  logoutAll,
  verify,
  providers: listProviders,
  jwks: listSigningKeys,
  changePassword,
  sendEmailConfirmation,
  confirmEmail,
  requestPasswordReset,
  resetPassword,
  sessions: router({ list: listSessions, revoke: revokeSession }),
});
