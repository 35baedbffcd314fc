import { listTickets as list } from "@guildhall/core/tickets";
import { z } from "zod";
import { actorOf } from "../../middleware/actor";
import { permissionProcedure } from "../../procedures";
import { hubSlug } from "../hubs/hub.types";
import {
  category,
  pageInput,
  queryBoolean,
  tag,
  ticketOutput,
  ticketPriority,
  ticketStatus,
} from "./ticket.types";

/**
 * Tickets newest first: staff see the hub's, everyone else their own. Filters
 * combine; `q` searches subjects, descriptions and messages (web-search syntax).
 */
export const listTickets = permissionProcedure("ticket.read")
  .meta({
    openapi: {
      method: "GET",
      path: "/hubs/{hubSlug}/tickets",
      tags: ["tickets"],
      summary: "Tickets (filtered, newest first)",
      protect: true,
    },
  })
  .input(
    z.object({
      hubSlug,
      status: z.union([ticketStatus, z.literal("active")]).optional(),
      category: category.optional(),
      assigneeId: z.uuid().optional(),
      unassigned: queryBoolean,
      /** Only the tickets the caller opened. */
      mine: queryBoolean,
      tag: tag.optional(),
      priority: ticketPriority.optional(),
      breached: queryBoolean,
      q: z.string().trim().min(1).max(200).optional(),
      ...pageInput,
    }),
  )
  .output(z.object({ items: z.array(ticketOutput), nextCursor: z.uuid().nullable() }))
  .query(({ ctx, input }) => list(ctx.db, actorOf(ctx), input));
