import { describe, expect, it } from "vitest";
import { getOpenApiDocument } from "../src/openapi/document";
import { objectSchemas, vocabularyProblems } from "./support/vocabulary";

/**
 * The generated OpenAPI document speaks one vocabulary (see support/vocabulary.ts);
 * apps/web/test/vocabulary-http.test.ts checks the served document the same way.
 */
describe("vocabulary", () => {
  const document = getOpenApiDocument("http://localhost/api/v1");

  it("walks every object schema of the document", () => {
    const schemas = objectSchemas(document);
    expect(schemas.length).toBeGreaterThan(100);
    expect(schemas.some((s) => s.where.startsWith("#/components/schemas/Principal"))).toBe(true);
  });

  it("has one name per thing in every schema", () => {
    expect(vocabularyProblems(document)).toEqual([]);
  });

  it("catches each kind of slip (the checker itself)", () => {
    const slips = vocabularyProblems({
      components: {
        schemas: {
          Message: { properties: { id: {}, text: {} } },
          Person: { properties: { userId: {}, username: {} } },
          Badge: { properties: { avatarKey: {} } },
          Card: { properties: { avatarUrl: {}, logoKey: {}, logoUrl: {} } },
          Old: { properties: { created: { type: "string", format: "date-time" } } },
          Flag: { properties: { created: { type: "boolean" } } },
          Ban: { properties: { id: {}, userId: {}, username: {} } },
        },
      },
    });
    expect([...new Set(slips.map((s) => s.replace(/:.*/, "")))]).toEqual([
      "#/components/schemas/Message",
      "#/components/schemas/Person",
      "#/components/schemas/Badge",
      "#/components/schemas/Card",
      "#/components/schemas/Old",
    ]);
  });
});
