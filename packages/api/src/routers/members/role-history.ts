import { listRoleHistory } from "@guildhall/core/roles";
import { z } from "zod";
import { permissionProcedure } from "../../procedures";
import { hubSlug } from "../hubs/hub.types";
import { pageInput } from "./member.types";

/** A member's role grants and removals, newest first. */
export const roleHistory = permissionProcedure("member.read")
  .meta({
    openapi: {
      method: "GET",
      path: "/hubs/{hubSlug}/members/{userId}/role-history",
      tags: ["members"],
      summary: "A member's role history",
    },
  })
  .input(z.object({ hubSlug, userId: z.uuid(), ...pageInput }))
  .output(
    z.object({
      items: z.array(
        z.object({
          id: z.uuid(),
          roleKey: z.string(),
          action: z.enum(["grant", "revoke"]),
          actorId: z.uuid().nullable(),
          createdAt: z.date(),
        }),
      ),
      nextCursor: z.uuid().nullable(),
    }),
  )
  .query(async ({ ctx, input }) => {
    const page = await listRoleHistory(ctx.db, ctx.hub.id, input.userId, input);
    return {
      items: page.items.map(({ id, roleKey, action, actorId, createdAt }) => ({
        id,
        roleKey,
        action,
        actorId,
        createdAt,
      })),
      nextCursor: page.nextCursor,
    };
  });
