export * from "./send-message";
export * from "./list-chats";
