export * from "./publish";
export * from "./bus";
export * from "./still-allowed";
export * from "./purge";
export * from "./stream-slots";
