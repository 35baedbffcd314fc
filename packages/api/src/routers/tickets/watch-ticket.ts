import { clientView, openChannel, requireBus, resumeAfter } from "@guildhall/core/realtime";
import { findTicket, ticketChannel } from "@guildhall/core/tickets";
import { tracked } from "@trpc/server";
import { z } from "zod";
import { actorOf } from "../../middleware/actor";
import { permissionProcedure } from "../../procedures";
import { hubSlug } from "../hubs/hub.types";

/**
 * One ticket, live: new and edited messages, status and assignment changes
 * (tracked: resume with lastEventId), plus typing and who is viewing
 * (signals, live only). Internal notes reach staff only. The stream ends when
 * the ticket is deleted or the subscriber loses access: the session, the
 * membership, ticket.read, ticket.manage for who subscribed as staff, or the
 * ticket itself (re-checked with the subscriber's current roles).
 */
export const watchTicket = permissionProcedure("ticket.read")
  .meta({
    summary: "Watch a ticket live",
    events: {
      ready: "The stream is live (untracked)",
      "message.created": "A message was posted (tracked; internal notes reach staff only)",
      "message.edited": "A message was edited (tracked)",
      "ticket.updated": "Status, assignee, priority or tags changed (tracked)",
      "ticket.deleted": "The ticket was deleted; the stream ends",
      typing: "Someone is typing (live only)",
      "viewer.joined": "Someone opened the ticket (live only)",
      "viewer.here": "An earlier viewer answers a newcomer (live only)",
      "viewer.left": "A viewer left (live only)",
    },
  })
  .input(
    z.object({
      hubSlug,
      ticketId: z.uuid(),
      lastEventId: z.string().regex(/^\d+$/).nullish(),
    }),
  )
  .subscription(async ({ ctx, input, signal }) => {
    // Checked before the stream starts, so a refusal is an ordinary tRPC error.
    const actor = actorOf(ctx);
    const bus = await requireBus(ctx);
    await findTicket(ctx.db, actor, input.ticketId);
    return live();
    async function* live() {
      // Announces the subscriber; internal notes and their own signals are filtered out there.
      const { events } = await openChannel(
        bus,
        ticketChannel,
        { ticketId: input.ticketId },
        { db: ctx.db, principal: ctx.principal, actor },
        { after: resumeAfter(input.lastEventId), signal },
      );
      try {
        // Tells the client the stream is live (untracked: resuming does not depend on it).
        yield { type: "ready", payload: {} };
        for await (const item of events) {
          if (item.kind === "event") {
            yield tracked(String(item.seq), clientView(item));
            continue;
          }
          yield clientView(item);
          // A deleted ticket's events are gone with it; this live signal ends its streams.
          if (item.type === "ticket.deleted") return;
        }
      } finally {
        // Ends the subscription (and its presence) however this generator ends.
        void events.return();
      }
    }
  });
