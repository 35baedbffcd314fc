import { adminRouter } from "./routers/admin/router";
import { auditRouter } from "./routers/audit/router";
import { authRouter } from "./routers/auth/router";
import { mfaRouter } from "./routers/mfa/router";
import { tokensRouter } from "./routers/tokens/router";
import { usersRouter } from "./routers/users/router";
import { hubsRouter } from "./routers/hubs/router";
import { systemRouter } from "./routers/system/router";
import { createCallerFactory, router } from "./trpc";

export const appRouter = router({
  system: systemRouter,
  hubs: hubsRouter,
  audit: auditRouter,
  auth: authRouter,
  mfa: mfaRouter,
  tokens: tokensRouter,
  users: usersRouter,
  admin: adminRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
