export * from "./app-error";
export * from "./codes";
export * from "./zod-issues";
export * from "./unique-violation";
export * from "./database-errors";
