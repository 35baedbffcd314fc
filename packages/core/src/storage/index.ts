export * from "./image-check";
export * from "./storage";
export * from "./upload-image";
