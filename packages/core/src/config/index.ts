export * from "./sections";
export * from "./diff";
export * from "./state";
export * from "./write-config";
export * from "./versions";
export * from "./reload-config";
