import { z } from "zod";

/** 4-20 letters, digits, dots, dashes or underscores; unique regardless of case. */
export const username = z
  .string()
  .trim()
  .min(4)
  .max(20)
  .regex(/^[A-Za-z0-9._-]+$/);

/** Length limits only (OWASP): the policy check adds common-password and username rules. */
export const password = z.string().min(8).max(128);

export const tokenPair = z
  .object({
    accessToken: z.string(),
    /** Seconds until the access token expires. */
    expiresIn: z.number().int(),
    refreshToken: z.string(),
    sessionId: z.uuid(),
  })
  .meta({ id: "TokenPair" });

/** Who is signed in: the user (`id` is the user's own id, as on every user object) and how. */
export const principalOutput = z
  .object({
    id: z.uuid(),
    username: z.string(),
    superAdmin: z.boolean(),
    via: z.enum(["session", "access-token", "application-token"]),
    sessionId: z.uuid().nullable(),
    scopes: z.array(z.string()).nullable(),
    mfaEnabled: z.boolean(),
  })
  .meta({ id: "Principal" });

/** The signed-in user's roles and (expanded) permissions in one hub. */
export const membershipOutput = z
  .object({
    hubId: z.uuid(),
    hubSlug: z.string(),
    /** Role keys, highest first. */
    roles: z.array(z.string()),
    permissions: z.array(z.string()),
  })
  .meta({ id: "SignInMembership" });

export const loginOutput = z
  .discriminatedUnion("mfaRequired", [
    z.object({
      mfaRequired: z.literal(false),
      ...tokenPair.shape,
      user: principalOutput,
      /** Super admins hold every permission in every hub, member or not. */
      superAdmin: z.boolean(),
      memberships: z.array(membershipOutput),
    }),
    z.object({ mfaRequired: z.literal(true), mfaTicket: z.string(), expiresIn: z.number().int() }),
  ])
  .meta({ id: "LoginResult" });
