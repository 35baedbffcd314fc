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
  })
  .meta({ id: "Health" });

export type HealthOutput = z.infer<typeof healthOutput>;
