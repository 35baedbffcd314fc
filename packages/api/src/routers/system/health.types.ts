import { z } from "zod";

export const healthOutput = z
  .object({
    status: z.enum(["ok", "degraded"]),
    version: z.string(),
    uptimeSeconds: z.number().int(),
    database: z.object({
      ok: z.boolean(),
      kind: z.enum(["pglite", "postgres"]),
      latencyMs: z.number(),
    }),
    /** Streams this process has open: in all, of signed-in users, of anonymous addresses. */
    streams: z.object({
      open: z.number().int(),
      users: z.number().int(),
      addresses: z.number().int(),
    }),
  })
  .meta({ id: "Health" });

export type HealthOutput = z.infer<typeof healthOutput>;
