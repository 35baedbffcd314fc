import { listInvites as list } from "@guildhall/core/members";
import { z } from "zod";
import { permissionProcedure } from "../../procedures";
import { hubSlug } from "../hubs/hub.types";
import { inviteOutput } from "./member.types";

/**
 * The hub's invites that are not revoked, newest first (at most 200), expired or used up ones
 * included: compare `expiresAt` and `uses` with `maxUses`.
 */
export const listInvites = permissionProcedure("member.invite")
  .meta({
    openapi: {
      method: "GET",
      path: "/hubs/{hubSlug}/invites",
      tags: ["members"],
      summary: "Invites that are not revoked",
    },
  })
  .input(z.object({ hubSlug }).strict())
  .output(z.object({ items: z.array(inviteOutput) }))
  .query(async ({ ctx }) => ({
    items: (await list(ctx.db, ctx.hub.id)).map(({ hubId: _, revokedAt: _r, ...invite }) => invite),
  }));
