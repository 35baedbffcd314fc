import { createGuildhallClient, isGuildhallError, toGuildhallError } from "@guildhall/client";
import { EventSource } from "eventsource";
import { describe, expect, it } from "vitest";
import { useServer } from "./support/server";

const server = useServer();

describe("typed client over HTTP", () => {
  it("queries with superjson types and batches concurrent calls into one request", async () => {
    const requests: string[] = [];
    const client = createGuildhallClient({
      url: server.url,
      fetch: (input, init) => {
        requests.push(input instanceof Request ? input.url : input.toString());
        return fetch(input, init);
      },
    });
    const [health, hub, hubAgain] = await Promise.all([
      client.system.health.query(),
      client.hubs.get.query({ hubSlug: "demo" }),
      client.hubs.get.query({ hubSlug: "DEMO" }),
    ]);
    expect(health).toMatchObject({ status: "ok", database: { ok: true } });
    expect(hub).toMatchObject({ slug: "demo", name: "Demo Hub" });
    expect(hubAgain.id).toBe(hub.id);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toContain("system.health,hubs.get,hubs.get");
  });

  it("raises GuildhallError with code, translated message and field errors", async () => {
    const client = createGuildhallClient({ url: server.url, locale: "ru" });
    const error = await client.hubs.get.query({ hubSlug: "x" }).catch(toGuildhallError);
    expect(isGuildhallError(error)).toBe(true);
    expect(error).toMatchObject({
      code: "VALIDATION_FAILED",
      httpStatus: 400,
      message: "Некоторые поля заполнены неверно.",
      fieldErrors: { hubSlug: ["Не менее 3 символов."] },
    });
    const denied = await client.hubs.listMine.query().catch(toGuildhallError);
    expect(denied).toMatchObject({
      code: "UNAUTHENTICATED",
      httpStatus: 401,
      message: "Сначала войдите в систему.",
    });
    const missing = await client.hubs.get.query({ hubSlug: "nowhere" }).catch(toGuildhallError);
    expect(missing).toMatchObject({ code: "HUB_NOT_FOUND", httpStatus: 404 });
    expect((missing as { requestId: string }).requestId).toMatch(/^[\w-]+$/);
  });

  it("subscribes over Server-Sent Events in Node and resumes after lastEventId", async () => {
    const client = createGuildhallClient({ url: server.url, EventSource });
    const ids: string[] = [];
    await new Promise<void>((resolve, reject) => {
      const sub = client.system.watchHealth.subscribe(
        { intervalSeconds: 1, lastEventId: "9" },
        {
          onData: (event) => {
            expect(event.data.status).toBe("ok");
            ids.push(event.id);
            if (ids.length === 2) {
              sub.unsubscribe();
              resolve();
            }
          },
          onError: reject,
        },
      );
    });
    expect(ids).toEqual(["10", "11"]);
  });
});
