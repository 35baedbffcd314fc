export * from "./create-user";
export * from "./get-user";
export * from "./show-profile";
export * from "./update-profile";
export * from "./search-users";
export * from "./request-deletion";
export * from "./purge-deleted-accounts";
export * from "./avatar";
