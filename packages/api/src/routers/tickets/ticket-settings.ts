import { ticketSettings } from "@guildhall/core/tickets";
import { z } from "zod";
import { permissionProcedure } from "../../procedures";
import { hubSlug } from "../hubs/hub.types";

/** What a ticket form needs from the hub's configuration: on or off, and the categories. */
export const getTicketSettings = permissionProcedure("ticket.read")
  .meta({
    openapi: {
      method: "GET",
      path: "/hubs/{hubSlug}/ticket-settings",
      tags: ["tickets"],
      summary: "Ticket categories and whether tickets are on",
    },
  })
  .input(z.object({ hubSlug }).strict())
  .output(z.object({ enabled: z.boolean(), categories: z.array(z.string()) }))
  .query(async ({ ctx }) => {
    const settings = await ticketSettings(ctx.db, ctx.hub.id);
    return { enabled: settings.enabled, categories: settings.categories };
  });
