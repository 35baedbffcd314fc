export * from "./add-member";
export * from "./bans";
export * from "./invites";
export * from "./join";
export * from "./leave";
export * from "./list-members";
export * from "./notes";
export * from "./remove-membership";
