import type { AppRouter } from "@guildhall/api";
import {
  httpBatchLink,
  httpSubscriptionLink,
  splitLink,
  wsLink,
  type TRPCLink,
} from "@trpc/client";
import superjson from "superjson";
import { createGuildhallSocket, type GuildhallSocket, type WebSocketLike } from "./socket";

type FetchLike = typeof fetch;
/**
 * The EventSource constructor to use: browsers have one; in Node pass the
 * `eventsource` package's (its typings differ slightly from the DOM's).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any EventSource implementation
export type EventSourceLike = new (url: string, init?: any) => unknown;

export interface LinkOptions {
  /** Base URL of the server, e.g. http://localhost:3000 (empty string: same origin). */
  url: string;
  /** An access or application token, sent as `Authorization: Bearer`. */
  token?: string | (() => string | undefined | Promise<string | undefined>);
  /** Acts in this hub (the `x-hub` header) unless a call names one. */
  hub?: string;
  /** Preferred language of error messages (the `Accept-Language` header). */
  locale?: string;
  fetch?: FetchLike;
  EventSource?: EventSourceLike;
  /**
   * How calls travel: "http" (default: batched HTTP, subscriptions as
   * Server-Sent Events), "ws-subscriptions" (HTTP calls, subscriptions over
   * a WebSocket), or "ws" (everything over one WebSocket).
   */
  transport?: "http" | "ws-subscriptions" | "ws";
  /** The socket for the "ws" transports (`createGuildhallSocket`); made here when not given. */
  socket?: GuildhallSocket;
  /** WebSocket constructor for a socket made here (Node 20: the `ws` package's). */
  WebSocket?: WebSocketLike;
}

async function headersFor(options: LinkOptions): Promise<Record<string, string>> {
  const token = typeof options.token === "function" ? await options.token() : options.token;
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (options.hub) headers["x-hub"] = options.hub;
  if (options.locale) headers["accept-language"] = options.locale;
  return headers;
}

/** The WebSocket link of the "ws" transports. */
function socketLink(options: LinkOptions): TRPCLink<AppRouter> {
  const socket = options.socket ?? createGuildhallSocket(options);
  return wsLink<AppRouter>({ client: socket.client, transformer: superjson });
}

/**
 * Queries and mutations go batched over HTTP; subscriptions over Server-Sent
 * Events (with headers through the EventSource's fetch where it has one), or
 * either over a WebSocket (`transport`).
 */
export function guildhallLinks(options: LinkOptions): TRPCLink<AppRouter>[] {
  if (options.transport === "ws") return [socketLink(options)];
  const endpoint = `${options.url.replace(/\/$/, "")}/api/trpc`;
  const customFetch = options.fetch;
  return [
    splitLink({
      condition: (op) => op.type === "subscription",
      true:
        options.transport === "ws-subscriptions"
          ? socketLink(options)
          : httpSubscriptionLink({
              url: endpoint,
              transformer: superjson,
              EventSource: (options.EventSource ??
                globalThis.EventSource) as typeof globalThis.EventSource,
              // The `eventsource` package (Node) accepts a fetch, so headers reach the server;
              // browsers send cookies instead. Headers are taken per connection: a reconnect
              // (e.g. after TOKEN_EXPIRED) carries the token function's current token.
              eventSourceOptions: () => {
                const base = customFetch ?? globalThis.fetch;
                return {
                  withCredentials: true,
                  fetch: async (input: Parameters<FetchLike>[0], init?: RequestInit) =>
                    base(input, {
                      ...init,
                      headers: {
                        ...(init?.headers as Record<string, string>),
                        ...(await headersFor(options)),
                      },
                    }),
                } as EventSourceInit;
              },
            }),
      false: httpBatchLink({
        url: endpoint,
        transformer: superjson,
        headers: () => headersFor(options),
        ...(customFetch ? { fetch: customFetch } : {}),
      }),
    }),
  ];
}
