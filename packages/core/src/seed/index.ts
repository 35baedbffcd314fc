export * from "./seed-demo";
