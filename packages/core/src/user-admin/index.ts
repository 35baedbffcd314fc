export * from "./admin-user-row";
export * from "./list-users";
export * from "./set-user-active";
export * from "./rename-user";
export * from "./reset-user-password";
export * from "./delete-user";
export * from "./set-instance-admin";
