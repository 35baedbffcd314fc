export * from "./record-audit";
export * from "./list-audit";
