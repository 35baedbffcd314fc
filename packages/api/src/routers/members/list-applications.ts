import { listApplications as list } from "@guildhall/core/members";
import { z } from "zod";
import { permissionProcedure } from "../../procedures";
import { hubSlug } from "../hubs/hub.types";
import { pageInput } from "./member.types";

const status = z.enum(["pending", "accepted", "rejected", "withdrawn"]);

/** Join requests, newest first (pending by default). */
export const listApplications = permissionProcedure("member.invite")
  .meta({
    openapi: {
      method: "GET",
      path: "/hubs/{hubSlug}/applications",
      tags: ["members"],
      summary: "Join requests",
    },
  })
  .input(z.object({ hubSlug, status: status.default("pending"), ...pageInput }))
  .output(
    z.object({
      items: z.array(
        z.object({
          id: z.uuid(),
          userId: z.uuid(),
          username: z.string(),
          message: z.string(),
          status,
          decidedBy: z.uuid().nullable(),
          decidedAt: z.date().nullable(),
          createdAt: z.date(),
        }),
      ),
      nextCursor: z.uuid().nullable(),
    }),
  )
  .query(({ ctx, input }) => list(ctx.db, ctx.hub.id, input));
