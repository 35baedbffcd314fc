export * from "./translate";
export * from "./negotiate";
export { displayParams, permissionLabel } from "./display-params";
export { argumentsOf, type ArgumentKind, type MessageArgument } from "./message-arguments";
export type { MessageKey, Messages } from "./messages/en";
