/**
 * The WebSocket action protocol (docs/ws-actions.md), independent of the
 * transport: the server hands each `ws` socket to `openActionConnection`.
 */
export { openActionConnection, largestActionFrameBytes } from "./connection";
export type { ActionConnection, ActionConnectionOptions, ActionSocket } from "./socket";
export { ACTION_CLOSE_CODES, ACTION_CLOSE_REASONS, type ActionCloseKind } from "./close-codes";
export { actionSchemas, type ActionSchema, type JsonSchema } from "./schemas";
export { asyncApiDocument, ACTION_SOCKET_PATH } from "./asyncapi";
/** Shared with the server's tRPC socket, which closes on expiry the same way. */
export { expiryTimer } from "./expiry";
