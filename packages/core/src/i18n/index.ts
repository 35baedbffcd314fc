export * from "./translate";
export * from "./negotiate";
export type { MessageKey, Messages } from "./messages/en";
