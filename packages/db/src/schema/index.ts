export * from "./users";
export * from "./hubs";
export * from "./hub-memberships";
export * from "./audit";
export * from "./identity";
