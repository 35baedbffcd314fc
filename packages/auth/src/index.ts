export * from "./passwords";
export * from "./password-policy";
export * from "./tokens";
export * from "./jwt";
export * from "./secret-box";
export * from "./totp";
export * from "./recovery-codes";
export * from "./steam-openid";
