export * from "./send-mail";
