import { adminRouter } from "./routers/admin/router";
import { auditRouter } from "./routers/audit/router";
import { configRouter } from "./routers/config/router";
import { featuresRouter } from "./routers/features/router";
import { authRouter } from "./routers/auth/router";
import { identitiesRouter } from "./routers/identities/router";
import { sitesRouter } from "./routers/sites/router";
import { membersRouter } from "./routers/members/router";
import { rolesRouter } from "./routers/roles/router";
import { mfaRouter } from "./routers/mfa/router";
import { tokensRouter } from "./routers/tokens/router";
import { usersRouter } from "./routers/users/router";
import { hubsRouter } from "./routers/hubs/router";
import { systemRouter } from "./routers/system/router";
import { ticketsRouter } from "./routers/tickets/router";
import { chatsRouter } from "./routers/chats/router";
import { qrLoginRouter } from "./routers/qr-login/router";
import { registerProcedures } from "./middleware/input-accepted";
import { createCallerFactory, router } from "./trpc";

export const appRouter = router({
  system: systemRouter,
  hubs: hubsRouter,
  members: membersRouter,
  roles: rolesRouter,
  audit: auditRouter,
  sites: sitesRouter,
  config: configRouter,
  features: featuresRouter,
  auth: authRouter,
  identities: identitiesRouter,
  mfa: mfaRouter,
  tokens: tokensRouter,
  users: usersRouter,
  admin: adminRouter,
  tickets: ticketsRouter,
  chats: chatsRouter,
  qrLogin: qrLoginRouter,
});
registerProcedures(appRouter);

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
