export * from "./get-hub-by-slug";
export * from "./list-user-hubs";
export * from "./create-hub";
export * from "./manage-hub";
export * from "./list-all-hubs";
export * from "./logo";
