import { addNote as add } from "@guildhall/core/members";
import { z } from "zod";
import { actorOf } from "../../middleware/actor";
import { permissionProcedure } from "../../procedures";
import { hubSlug } from "../hubs/hub.types";

/** A staff note about a user, never shown to them. */
export const addNote = permissionProcedure("member.notes")
  .meta({
    openapi: {
      method: "POST",
      path: "/hubs/{hubSlug}/members/{userId}/notes",
      tags: ["members"],
      summary: "Add a staff note",
    },
  })
  .input(z.object({ hubSlug, userId: z.uuid(), body: z.string().trim().min(1).max(2000) }))
  .output(z.object({ id: z.uuid(), body: z.string(), createdAt: z.date() }))
  .mutation(async ({ ctx, input }) => {
    const note = await add(ctx.db, actorOf(ctx), input.userId, input.body);
    return { id: note.id, body: note.body, createdAt: note.createdAt };
  });
