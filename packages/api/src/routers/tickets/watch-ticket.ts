import { findTicket, isTicketStaff, ticketStream } from "@guildhall/core/tickets";
import { tracked } from "@trpc/server";
import { z } from "zod";
import { actorOf } from "../../middleware/actor";
import { permissionProcedure } from "../../procedures";
import { guardedHubStream, requireBus, resumeAfter } from "../../realtime/live";
import { answerNewcomer, joinPresence } from "../../realtime/presence";
import { clientView } from "../../realtime/view";
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
      const stream = ticketStream(input.ticketId);
      const me = { userId: ctx.principal.userId, username: ctx.principal.username };
      let leave = async () => {};
      try {
        // Registered first, so the answers to our own "joined" reach us.
        const { events, actor: now } = guardedHubStream(ctx, bus, stream, {
          after: resumeAfter(input.lastEventId),
          signal,
          needs: isTicketStaff(actor) ? ["ticket.read", "ticket.manage"] : ["ticket.read"],
          stillAllowed: (fresh) =>
            findTicket(ctx.db, fresh, input.ticketId).then(
              () => true,
              () => false,
            ),
        });
        leave = await joinPresence(ctx.db, stream, me);
        // Tells the client the stream is live (untracked: resuming does not depend on it).
        yield { type: "ready", payload: {} };
        for await (const item of events) {
          if (item.kind === "signal") {
            if (item.payload.userId === me.userId) continue;
            // A newcomer learns who is already here from everyone's answer.
            if (item.type === "viewer.joined") answerNewcomer(ctx.db, stream, me);
            yield clientView(item);
            // A deleted ticket's events are gone with it; this live signal ends its streams.
            if (item.type === "ticket.deleted") return;
            continue;
          }
          if (item.payload.internal === true && !isTicketStaff(now())) continue;
          yield tracked(String(item.seq), clientView(item));
        }
      } finally {
        await leave();
      }
    }
  });
