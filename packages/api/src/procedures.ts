/** The base procedures every router builds on: public -> authed -> hub -> permission. */
export { publicProcedure, authedProcedure, superAdminProcedure } from "./trpc";
export { hubProcedure, type HubScope } from "./middleware/hub";
export { permissionProcedure } from "./middleware/permission";
export { feature, featureProcedure } from "./middleware/feature";
