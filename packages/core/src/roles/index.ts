export * from "./assign-roles";
export * from "./authority";
export * from "./default-roles";
export * from "./manage-roles";
export * from "./memberships";
