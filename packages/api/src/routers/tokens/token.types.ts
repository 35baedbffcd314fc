import { z } from "zod";

/** read: queries; write: queries and mutations; *: everything a token may do. */
export const tokenScope = z.enum(["read", "write", "*"]);

export const applicationTokenOutput = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string(),
    scopes: z.array(z.string()),
    createdAt: z.date(),
    expiresAt: z.date().nullable(),
    lastUsedAt: z.date().nullable(),
  })
  .meta({ id: "ApplicationToken" });
