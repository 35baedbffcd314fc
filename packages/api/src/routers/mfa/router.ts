import { router } from "../../trpc";
import { disableMfaProcedure } from "./disable-mfa";
import { enableMfaProcedure } from "./enable-mfa";
import { regenerateRecoveryCodesProcedure } from "./regenerate-recovery-codes";
import { setupMfa } from "./setup-mfa";
import { verifyMfa } from "./verify-mfa";

export const mfaRouter = router({
  setup: setupMfa,
  enable: enableMfaProcedure,
  disable: disableMfaProcedure,
  verify: verifyMfa,
  regenerateRecoveryCodes: regenerateRecoveryCodesProcedure,
});
