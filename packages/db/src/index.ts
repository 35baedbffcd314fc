export * from "./client";
export { afterCommit } from "./after-commit";
export {
  DrizzleInternalsChanged,
  executePrepared,
  toQueryText,
  type QueryText,
} from "./drizzle-internals";
export * from "./migrate";
export { DataDirLockedError } from "./pglite-lock";
export { uuidv7 } from "./uuidv7";
export * as schema from "./schema";
