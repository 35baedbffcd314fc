// The access kernel: who acts in a hub and what they hold there, shared by every domain.
export type { Principal } from "./principal";
export { isSuperAdmin, namedInSettings } from "./principal";
export * from "./actor";
export * from "./role-order";
export * from "./authority";
export * from "./get-membership";
export * from "./user-memberships";
export * from "./standing";
export * from "./record-audit";
