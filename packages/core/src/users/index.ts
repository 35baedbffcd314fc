export * from "./create-user";
export * from "./get-user";
