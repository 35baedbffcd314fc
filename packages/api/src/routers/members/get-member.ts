import { getMembership, memberAuthority } from "@guildhall/core/access";
import { AppError } from "@guildhall/core/errors";
import { listBans, listNotes } from "@guildhall/core/members";
import { avatarUrl, getUserById } from "@guildhall/core/users";
import { can } from "@guildhall/permissions";
import { z } from "zod";
import { permissionProcedure } from "../../procedures";
import { hubSlug } from "../hubs/hub.types";
import { banOutput, memberRole } from "./member.types";

/** One member: roles, join date, and for staff their notes and ban history. */
export const getMember = permissionProcedure("member.read")
  .meta({
    openapi: {
      method: "GET",
      path: "/hubs/{hubSlug}/members/{userId}",
      tags: ["members"],
      summary: "A member's details",
    },
  })
  .input(z.object({ hubSlug, userId: z.uuid() }))
  .output(
    z.object({
      id: z.uuid(),
      username: z.string(),
      displayName: z.string().nullable(),
      avatarUrl: z.string().nullable(),
      joinedAt: z.date(),
      roles: z.array(memberRole),
      /** Staff only (member.notes / member.ban); null for others. */
      notes: z
        .array(
          z.object({
            id: z.uuid(),
            body: z.string(),
            authorId: z.uuid().nullable(),
            authorName: z.string().nullable(),
            createdAt: z.date(),
          }),
        )
        .nullable(),
      bans: z.array(banOutput).nullable(),
    }),
  )
  .query(async ({ ctx, input }) => {
    const membership = await getMembership(ctx.db, ctx.hub.id, input.userId);
    const user = membership ? await getUserById(ctx.db, input.userId) : undefined;
    if (!membership || !user) throw new AppError("MEMBER_NOT_FOUND");
    const authority = await memberAuthority(ctx.db, ctx.hub.id, input.userId);
    const grants = ctx.hub.grants;
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      avatarUrl: avatarUrl(user.avatarKey),
      joinedAt: membership.joinedAt,
      roles: authority.roles,
      notes: can(grants, "member.notes") ? await listNotes(ctx.db, ctx.hub.id, user.id) : null,
      bans: can(grants, "member.ban")
        ? await listBans(ctx.db, ctx.hub.id, { userId: user.id, limit: 100 })
        : null,
    };
  });
