import { listMembers as list } from "@guildhall/core/members";
import { z } from "zod";
import { permissionProcedure } from "../../procedures";
import { hubSlug } from "../hubs/hub.types";
import { memberOutput, pageInput } from "./member.types";

/** Members, newest first, searchable by username prefix and filterable by role. */
export const listMembers = permissionProcedure("member.read")
  .meta({
    openapi: {
      method: "GET",
      path: "/hubs/{hubSlug}/members",
      tags: ["members"],
      summary: "A hub's members",
    },
  })
  .input(
    z.object({
      hubSlug,
      query: z.string().trim().min(1).max(20).optional(),
      roleId: z.uuid().optional(),
      ...pageInput,
    }),
  )
  .output(z.object({ items: z.array(memberOutput), nextCursor: z.uuid().nullable() }))
  .query(({ ctx, input }) => list(ctx.db, ctx.hub.id, input));
