export * from "./sections";
export * from "./diff";
export * from "./section-state";
export * from "./get-config";
export * from "./write-config";
export * from "./versions";
export * from "./reload-config";
