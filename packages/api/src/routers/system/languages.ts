import { localeNames, locales } from "@guildhall/core/i18n";
import { z } from "zod";
import { publicProcedure } from "../../procedures";

/** The languages Guildhall speaks (seed 000 `GET /languages`). */
export const languages = publicProcedure
  .meta({
    openapi: {
      method: "GET",
      path: "/languages",
      tags: ["system"],
      summary: "Supported languages",
      protect: false,
    },
  })
  .input(z.void())
  .output(z.object({ items: z.array(z.object({ code: z.string(), name: z.string() })) }))
  .query(() => ({ items: locales.map((code) => ({ code, name: localeNames[code] })) }));
