import type { ErrorCode } from "@guildhall/core/errors";
import { beforeEach, describe, expect, it } from "vitest";
import { resetRateLimiters } from "../src/middleware/rate-limit";
import { procedureAt } from "../src/ws-actions/procedures";
import { authorizationMatrix, itMatchesRow, type Outcome } from "./authorization-matrix";
import { connected, type ActionClient } from "./support/action-socket";
import { useWorld, type Role } from "./support/world";

/**
 * The authorization matrix over the WebSocket action protocol: every caller
 * gets what it gets over tRPC (the same rows), a query or mutation as its
 * reply, a subscription as the subscribe reply.
 */
const fixture = useWorld();

/** The outcome of one action on `client`: "ok", or the error code of its reply. */
async function act(client: ActionClient, path: string, input: unknown): Promise<Outcome> {
  const subscription = procedureAt(path)!.kind === "subscription";
  const reply = subscription
    ? await (async () => {
        const id = `s-${path}`;
        await client.send({ action: "subscribe", id, input: { path, input } });
        const answer = client.replyTo(id);
        // Its stream slot is given back before the next row.
        if (answer?.success) await client.send({ action: "unsubscribe", id });
        return answer;
      })()
    : await client.call(path, input);
  expect(reply, path).toBeDefined();
  return reply!.success ? "ok" : (reply!.error!.code as ErrorCode);
}

async function call(role: Role, path: string, input: unknown): Promise<Outcome> {
  const client = await connected(() => fixture.world.context(role, { transport: "ws" }));
  try {
    return await act(client, path, input);
  } finally {
    client.connection.closed();
  }
}

describe("authorization matrix over the action socket", () => {
  // Rate limits are tested on their own; here every call must reach authorization.
  beforeEach(() => resetRateLimiters());

  for (const [path, entry] of Object.entries(authorizationMatrix)) {
    itMatchesRow(path, entry, call, () => fixture.world.restore());

    it(`${path}: bad input is VALIDATION_FAILED`, async () => {
      expect(await call("superAdmin", path, entry.badInput)).toBe("VALIDATION_FAILED");
    });
  }
});
