import { listUserHubs } from "@guildhall/core/hubs";
import { z } from "zod";
import { authedProcedure } from "../../procedures";
import { myHub } from "./hub.types";

/**
 * The hubs I am a member of, by name, with my highest role there (`role`) and when I joined;
 * archived hubs are left out.
 */
export const listMyHubs = authedProcedure
  .meta({
    openapi: {
      method: "GET",
      path: "/me/hubs",
      tags: ["hubs"],
      summary: "The hubs I belong to",
      protect: true,
    },
  })
  .input(z.void())
  .output(z.object({ items: z.array(myHub) }))
  .query(async ({ ctx }) => ({ items: await listUserHubs(ctx.db, ctx.principal.userId) }));
