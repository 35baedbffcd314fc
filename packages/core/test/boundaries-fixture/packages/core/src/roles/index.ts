export * from "./default-roles";
