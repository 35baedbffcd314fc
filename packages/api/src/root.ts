import { auditRouter } from "./routers/audit/router";
import { hubsRouter } from "./routers/hubs/router";
import { systemRouter } from "./routers/system/router";
import { createCallerFactory, router } from "./trpc";

export const appRouter = router({
  system: systemRouter,
  hubs: hubsRouter,
  audit: auditRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
