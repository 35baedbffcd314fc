export { createGuildhallClient, type GuildhallClient, type GuildhallClientOptions } from "./client";
export { guildhallLinks, type EventSourceLike, type LinkOptions } from "./links";
export { GuildhallError, isGuildhallError, toGuildhallError } from "./errors";
export type { AppRouter } from "@guildhall/api";
export {
  createGuildhallSocket,
  socketUrl,
  type GuildhallSocket,
  type SocketOptions,
  type WebSocketLike,
} from "./socket";
