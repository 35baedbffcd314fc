export * from "./passwords";
