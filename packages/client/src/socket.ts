import { createWSClient, type TRPCWebSocketClient } from "@trpc/client";

/**
 * The WebSocket constructor to use: browsers and Node 22+ have one; on
 * Node 20 pass the `ws` package's.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any WebSocket implementation
export type WebSocketLike = new (url: string, protocols?: any) => unknown;

export interface SocketOptions {
  /** Base URL of the server, e.g. http://localhost:3000 (http→ws, https→wss). */
  url: string;
  /** Sent after connecting (browsers can set no header on a socket); read anew on every reconnect. */
  token?: string | (() => string | undefined | Promise<string | undefined>);
  hub?: string;
  locale?: string;
  WebSocket?: WebSocketLike;
  /** Told when the socket closes, with the server's code (4001 SESSION_ENDED, 4002 TOKEN_EXPIRED, …). */
  onClose?: (code: number | undefined) => void;
}

/** One socket to the server's `/api/ws`, with its lifetime in the caller's hands. */
export interface GuildhallSocket {
  /** tRPC's client behind it (for `wsLink`). */
  readonly client: TRPCWebSocketClient;
  /** Closes the socket for good (no reconnection). */
  close(): Promise<void>;
}

/** `http(s)://host[/base]` → `ws(s)://host[/base]/api/ws`. */
export function socketUrl(url: string): string {
  const base = url.replace(/\/$/, "").replace(/^http/, "ws");
  return `${base}/api/ws`;
}

/**
 * A WebSocket to the server for the typed client (`transport: "ws"`):
 * credentials go in tRPC's `connectionParams` (`{ token, hub, locale }`),
 * taken again on each reconnect, so a refreshed token is used after the
 * server closed the socket with 4002 TOKEN_EXPIRED. Heartbeats every 10 s
 * (a silent server is dropped after 5 s more) and reconnection with
 * exponential backoff are tRPC's; subscriptions resume after their last
 * `tracked()` id.
 */
export function createGuildhallSocket(options: SocketOptions): GuildhallSocket {
  const client = createWSClient({
    url: socketUrl(options.url),
    WebSocket: (options.WebSocket ?? globalThis.WebSocket) as typeof globalThis.WebSocket,
    connectionParams: async () => {
      const token = typeof options.token === "function" ? await options.token() : options.token;
      const params: Record<string, string> = {};
      if (token) params.token = token;
      if (options.hub) params.hub = options.hub;
      if (options.locale) params.locale = options.locale;
      return params;
    },
    keepAlive: { enabled: true, intervalMs: 10_000, pongTimeoutMs: 5_000 },
    onClose: (cause) => options.onClose?.(cause?.code),
  });
  return { client, close: () => client.close() };
}
