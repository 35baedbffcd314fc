export * from "./registry";
export * from "./defaults";
export * from "./can";
