/**
 * Talks to a running Guildhall with the typed client:
 *
 *   pnpm --filter @guildhall/examples health            # http://localhost:3000
 *   GUILDHALL_URL=http://127.0.0.1:3111 pnpm --filter @guildhall/examples health
 *
 * It reads the health, a hub's public card, shows how errors arrive, and
 * follows the live health stream over Server-Sent Events for three events.
 */
import { createGuildhallClient, toGuildhallError } from "@guildhall/client";
import { EventSource } from "eventsource";

// eslint-disable-next-line no-restricted-properties -- an example program, not the server
const url = process.env.GUILDHALL_URL ?? "http://localhost:3000";
const client = createGuildhallClient({ url, EventSource, locale: "en" });

const health = await client.system.health.query();
console.log(
  `health: ${health.status}, version ${health.version}, database ${health.database.kind}`,
);

const hub = await client.hubs.get.query({ hubSlug: "demo" });
console.log(`hub: ${hub.name} (${hub.slug})`);

const error = await client.hubs.get.query({ hubSlug: "?" }).catch(toGuildhallError);
if ("code" in error) console.log(`bad input -> ${error.code}: ${error.message}`, error.fieldErrors);

await new Promise<void>((resolve, reject) => {
  let count = 0;
  const subscription = client.system.watchHealth.subscribe(
    { intervalSeconds: 1 },
    {
      onData: ({ id, data }) => {
        console.log(`event ${id}: ${data.status}, uptime ${data.uptimeSeconds} s`);
        if (++count === 3) {
          subscription.unsubscribe();
          resolve();
        }
      },
      onError: reject,
    },
  );
});
