export * from "./identities";
export * from "./providers";
export * from "./sign-in";
export * from "./steam";
export * from "./profiles";
