import { listSlaPolicies } from "@guildhall/core/tickets";
import { z } from "zod";
import { permissionProcedure } from "../../procedures";
import { hubSlug } from "../hubs/hub.types";
import { slaPolicyOutput } from "./ticket.types";

/** First-response and resolution targets per category (staff). */
export const listPolicies = permissionProcedure("ticket.manage")
  .meta({
    openapi: {
      method: "GET",
      path: "/hubs/{hubSlug}/tickets/sla-policies",
      tags: ["tickets"],
      summary: "SLA policies",
      protect: true,
    },
  })
  .input(z.object({ hubSlug }).strict())
  .output(z.object({ items: z.array(slaPolicyOutput) }))
  .query(async ({ ctx }) => ({ items: await listSlaPolicies(ctx.db, ctx.hub.id) }));
