export * from "./image-check";
export * from "./storage";
