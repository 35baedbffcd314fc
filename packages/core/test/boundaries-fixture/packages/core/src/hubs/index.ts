export * from "./create-hub";
