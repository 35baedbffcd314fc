export { appRouter, createCaller, type AppRouter } from "./root";
export { browserRouter, createBrowserCaller } from "./routers/browser/router";
export { clientAddress, isTrustedProxy, normalizeAddress } from "./client-address";
export {
  createContext,
  requestIdFrom,
  type Context,
  type ContextSource,
  type Transport,
  type Principal,
} from "./context";
export { describeError, type ErrorBody } from "./format-error";
export type { Access, Meta } from "./trpc";
export { countBeforeProcedure, prepareRateLimits } from "./middleware/rate-limit";
/** Building blocks for routers outside this package (plugins, benchmarks). */
export { router, createCallerFactory } from "./trpc";
export { publicProcedure, authedProcedure, hubProcedure, permissionProcedure } from "./procedures";
export { serveSse, restError, drained, type SseRequest } from "./sse/stream";
export { bodyLimitOf, restBodyLimitOf, restMethodsAt } from "./body-limit";
