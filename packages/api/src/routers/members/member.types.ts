import { z } from "zod";

export const memberRole = z.object({
  id: z.uuid(),
  key: z.string(),
  name: z.string(),
  position: z.number().int(),
});

/** A member: the user's own `id` (members are addressed by it), with their place in the hub. */
export const memberOutput = z
  .object({
    id: z.uuid(),
    username: z.string(),
    displayName: z.string().nullable(),
    avatarUrl: z.string().nullable(),
    joinedAt: z.date(),
    roles: z.array(memberRole),
  })
  .meta({ id: "Member" });

export const banOutput = z
  .object({
    id: z.uuid(),
    userId: z.uuid(),
    reason: z.string(),
    actorId: z.uuid().nullable(),
    createdAt: z.date(),
    expiresAt: z.date().nullable(),
    liftedAt: z.date().nullable(),
    liftedBy: z.uuid().nullable(),
  })
  .meta({ id: "Ban" });

/** A ban in the hub's list, with the banned user's name (null once the account is gone). */
export const banEntryOutput = banOutput
  .extend({ username: z.string().nullable() })
  .meta({ id: "BanEntry" });

export const inviteOutput = z
  .object({
    id: z.uuid(),
    code: z.string(),
    roleId: z.uuid().nullable(),
    targetUserId: z.uuid().nullable(),
    maxUses: z.number().int().nullable(),
    uses: z.number().int(),
    createdBy: z.uuid().nullable(),
    createdAt: z.date(),
    expiresAt: z.date(),
  })
  .meta({ id: "Invite" });

export const pageInput = {
  cursor: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
};
