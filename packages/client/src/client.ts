import type { AppRouter } from "@guildhall/api";
import { createTRPCClient } from "@trpc/client";
import { guildhallLinks, type LinkOptions } from "./links";

export type GuildhallClientOptions = LinkOptions;

/**
 * A typed Guildhall client for TypeScript programs:
 *
 *   const gh = createGuildhallClient({ url: "http://localhost:3000", token });
 *   const health = await gh.system.health.query();
 *
 * In Node (no global EventSource) pass `EventSource` from the `eventsource`
 * package to use subscriptions.
 */
export function createGuildhallClient(options: GuildhallClientOptions) {
  return createTRPCClient<AppRouter>({ links: guildhallLinks(options) });
}

export type GuildhallClient = ReturnType<typeof createGuildhallClient>;
