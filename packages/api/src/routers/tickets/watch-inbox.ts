import { openChannel, requireBus, resumeAfter } from "@guildhall/core/realtime";
import { ticketInboxChannel } from "@guildhall/core/tickets";
import { tracked } from "@trpc/server";
import { z } from "zod";
import { actorOf } from "../../middleware/actor";
import { permissionProcedure } from "../../procedures";
import { hubSlug } from "../hubs/hub.types";

/**
 * The hub's ticket inbox, live: tickets created, updated, deleted, and
 * `ticket.activity` for each new message (staff see all; members their own,
 * without internal notes). Activity carries this subscriber's `unreadDelta`
 * (1 for someone else's message, 0 for their own). Tracked: resume with
 * lastEventId. The stream ends when the subscriber leaves the hub, loses
 * ticket.read, or (subscribed as staff) loses ticket.manage.
 */
export const watchInbox = permissionProcedure("ticket.read")
  .meta({
    summary: "Watch the hub's ticket inbox live",
    events: {
      ready: "The stream is live (untracked)",
      "ticket.created": "A ticket was opened (tracked)",
      "ticket.updated": "A ticket's status, assignee, priority or tags changed (tracked)",
      "ticket.deleted": "A ticket was deleted (tracked)",
      "ticket.activity": "A message was posted in a ticket: ids and time, no body (tracked)",
    },
  })
  .input(z.object({ hubSlug, lastEventId: z.string().regex(/^\d+$/).nullish() }))
  .subscription(async ({ ctx, input, signal }) => {
    const actor = actorOf(ctx);
    const bus = await requireBus(ctx);
    return live();
    async function* live() {
      // Members get their own tickets only, never internal notes: filtered by the channel.
      const { events } = await openChannel(
        bus,
        ticketInboxChannel,
        { hubId: actor.hubId },
        { db: ctx.db, principal: ctx.principal, actor },
        { after: resumeAfter(input.lastEventId), signal },
      );
      try {
        yield { type: "ready", payload: {} };
        for await (const item of events) {
          if (item.kind === "signal") continue;
          const payload =
            item.type === "ticket.activity"
              ? { ...item.payload, unreadDelta: item.payload.authorId === actor.userId ? 0 : 1 }
              : item.payload;
          yield tracked(String(item.seq), { type: item.type, payload });
        }
      } finally {
        // Ends the subscription (and its presence) however this generator ends.
        void events.return();
      }
    }
  });
