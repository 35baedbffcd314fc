import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError, errorCodes, fieldErrorsFromZod } from "../src/errors";
import { isMessageKey } from "../src/i18n";

describe("errors", () => {
  it("maps every code to a status and an existing message key", () => {
    for (const [code, entry] of Object.entries(errorCodes)) {
      expect(isMessageKey(entry.key), code).toBe(true);
      expect(entry.http).toBeGreaterThanOrEqual(400);
    }
  });

  it("carries code, params and status", () => {
    const error = new AppError("HUB_NOT_FOUND", { hub: "x" });
    expect(error.code).toBe("HUB_NOT_FOUND");
    expect(error.httpStatus).toBe(404);
    expect(error.params).toEqual({ hub: "x" });
  });

  it("turns zod issues into translated messages by field path", () => {
    const schema = z.object({
      name: z.string().min(3),
      age: z.number().max(10),
      email: z.email(),
      tags: z.array(z.string()).min(1),
      nested: z.object({ slug: z.string().regex(/^[a-z]+$/) }),
      required: z.string(),
    });
    const result = schema.safeParse({
      name: "ab",
      age: 11,
      email: "nope",
      tags: [],
      nested: { slug: "A!" },
    });
    expect(result.success).toBe(false);
    const errors = fieldErrorsFromZod(result.error!.issues, "de");
    expect(errors).toEqual({
      name: ["Mindestens 3 Zeichen."],
      age: ["Höchstens 10."],
      email: ["Keine gültige E-Mail-Adresse."],
      tags: ["Wähle mindestens 1 Eintrag."],
      "nested.slug": ["Enthält hier nicht erlaubte Zeichen."],
      required: ["Dieses Feld ist erforderlich."],
    });
  });
});
