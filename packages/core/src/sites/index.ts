export * from "./manage-sites";
export * from "./manage-streams";
export * from "./site-files";
export * from "./site-queries";
export * from "./site-users";
export type { SiteWriteMeta } from "./shared";
