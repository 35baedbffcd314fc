export * from "./list-audit";
export * from "./csv";
export * from "./export-audit";
