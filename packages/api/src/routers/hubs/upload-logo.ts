import { setHubLogo } from "@guildhall/core/hubs";
import { z } from "zod";
import { actorOf } from "../../middleware/actor";
import { permissionProcedure } from "../../procedures";
import { hubSlug, imageUpload, uploadedImage } from "./hub.types";

/** Sets the hub's logo, stored like avatars (local disk or S3) and checked from the bytes; audited. */
export const uploadLogo = permissionProcedure("hub.update")
  .meta({
    openapi: {
      method: "POST",
      path: "/hubs/{hubSlug}/logo",
      tags: ["hubs"],
      summary: "Upload the hub's logo (base64 image)",
    },
    rateLimit: { name: "hub-logo", points: 10, durationSeconds: 600, by: "user" },
    // The request body, not the file: a 2 MB image is 2.8 MB as base64 (README, "Request size").
    bodyLimitBytes: 3 * 1024 * 1024,
  })
  .input(z.object({ hubSlug, image: imageUpload }).strict())
  .output(uploadedImage.extend({ logoUrl: z.string() }))
  .mutation(({ ctx, input }) => setHubLogo(ctx.db, actorOf(ctx), input.image));
