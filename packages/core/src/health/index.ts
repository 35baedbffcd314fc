export * from "./get-health";
