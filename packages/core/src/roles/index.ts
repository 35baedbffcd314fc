export * from "./assign-roles";
export * from "./default-roles";
export * from "./manage-roles";
