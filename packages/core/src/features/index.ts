export * from "./evaluate";
export type { ChangeMeta } from "./audit-meta";
export * from "./catalogue";
export * from "./hub-features";
export * from "./enabled-features";
