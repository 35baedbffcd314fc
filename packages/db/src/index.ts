export * from "./client";
export * from "./migrate";
export { DataDirLockedError } from "./pglite-lock";
export { uuidv7 } from "./uuidv7";
export * as schema from "./schema";
