import { z } from "zod";

export const adminUserOutput = z
  .object({
    id: z.uuid(),
    username: z.string(),
    email: z.string().nullable(),
    displayName: z.string().nullable(),
    isActive: z.boolean(),
    superAdmin: z.boolean(),
    /** Stored on the account (changeable in the admin pages). */
    instanceAdmin: z.boolean(),
    /** Named in SUPER_ADMINS (a super admin whatever `instanceAdmin` says). */
    namedInSettings: z.boolean(),
    mfaEnabled: z.boolean(),
    deletionRequestedAt: z.date().nullable(),
    createdAt: z.date(),
  })
  .meta({ id: "AdminUser" });

export const userIdInput = z.object({ userId: z.uuid() });
