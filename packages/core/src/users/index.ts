export * from "./create-user";
export * from "./get-user";
export * from "./profile";
export * from "./avatar";
