import { getMembership, hubTicketsStream, isTicketStaff } from "@guildhall/core";
import { tracked } from "@trpc/server";
import { z } from "zod";
import { actorOf } from "../../middleware/actor";
import { permissionProcedure } from "../../procedures";
import { guardedStream, requireBus, resumeAfter } from "../../realtime/live";
import { hubSlug } from "../hubs/hub.types";

/**
 * The hub's ticket inbox, live: tickets created, updated, deleted (staff see
 * all; members their own). Tracked: resume with lastEventId.
 */
export const watchInbox = permissionProcedure("ticket.read")
  .input(z.object({ hubSlug, lastEventId: z.string().regex(/^\d+$/).nullish() }))
  .subscription(async ({ ctx, input, signal }) => {
    const actor = actorOf(ctx);
    const bus = await requireBus(ctx);
    const staff = isTicketStaff(actor);
    return live();
    async function* live() {
      const events = guardedStream(ctx, bus, hubTicketsStream(actor.hubId), {
        after: resumeAfter(input.lastEventId),
        signal,
        stillAllowed: async () =>
          ctx.principal.superAdmin ||
          (await getMembership(ctx.db, actor.hubId, actor.userId)) !== undefined,
      });
      yield { type: "ready", payload: {} };
      for await (const item of events) {
        if (item.kind === "signal") continue;
        if (!staff && item.payload.createdBy !== actor.userId) continue;
        yield tracked(String(item.seq), { type: item.type, payload: item.payload });
      }
    }
  });
