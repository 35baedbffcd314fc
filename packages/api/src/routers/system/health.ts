import { getHealth } from "@guildhall/core/health";
import { z } from "zod";
import { publicProcedure } from "../../procedures";
import { healthOutput } from "./health.types";

/**
 * Answers 200 even when the database does not (`status` is then "degraded"), with the database
 * latency, the version, this process's uptime and the streams it has open.
 */
export const health = publicProcedure
  .meta({
    openapi: {
      method: "GET",
      path: "/health",
      tags: ["system"],
      protect: false,
      summary: "Service health",
      description: "Whether the database answers, the version, the uptime and the open streams.",
    },
  })
  .input(z.void())
  .output(healthOutput)
  .query(({ ctx }) => getHealth(ctx.db, ctx.dbKind));
