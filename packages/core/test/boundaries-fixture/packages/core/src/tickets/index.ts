export * from "./rules";
export const MAX_ATTACHMENTS = 5;
