import { isAppError } from "@guildhall/core/errors";
import { createTicket as create } from "@guildhall/core/tickets";
import { z } from "zod";
import { actorOf } from "../../middleware/actor";
import { permissionProcedure } from "../../procedures";
import { hubSlug } from "../hubs/hub.types";
import { category, description, subject, ticketRowOutput } from "./ticket.types";

/**
 * Opens a ticket in one of the hub's categories. Non-staff wait an hour
 * between tickets (TICKET_COOLDOWN says how long) and hold at most the hub's
 * `max_open_per_user`; a hub with tickets switched off answers TICKETS_DISABLED.
 */
export const createTicket = permissionProcedure("ticket.create")
  .meta({
    openapi: {
      method: "POST",
      path: "/hubs/{hubSlug}/tickets",
      tags: ["tickets"],
      summary: "Open a ticket",
      protect: true,
    },
  })
  .input(z.object({ hubSlug, subject, description, category }))
  .output(ticketRowOutput)
  .mutation(async ({ ctx, input }) => {
    try {
      return await create(ctx.db, actorOf(ctx), input);
    } catch (error) {
      // Like a rate limit: REST clients get Retry-After with the 429.
      if (isAppError(error) && error.code === "TICKET_COOLDOWN")
        ctx.resHeaders.set("Retry-After", String(error.details?.retry_after));
      throw error;
    }
  });
