export * from "./create-user";
export * from "./get-user";
export * from "./profile";
export * from "./admin";
export * from "./avatar";
export * from "./instance-admin";
