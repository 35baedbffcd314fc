import { describe, expect, it } from "vitest";
import { objectSchemas, vocabularyProblems } from "../../../packages/api/test/support/vocabulary";
import { useServer } from "./support/server";

/**
 * The document a client generator reads (`/api/openapi.json`, as served)
 * speaks one vocabulary: message text is `body`, files are URLs, a user's own
 * id is `id`, times are `<word>At` (rules in packages/api/test/support/vocabulary.ts,
 * applied to every object schema, not to a list of today's names).
 */
const server = useServer();

describe("the served OpenAPI document's vocabulary", () => {
  it("has one name per thing in every schema", async () => {
    const response = await fetch(`${server.url}/api/openapi.json`);
    expect(response.status).toBe(200);
    const document: unknown = await response.json();
    expect(objectSchemas(document).length).toBeGreaterThan(100);
    expect(vocabularyProblems(document)).toEqual([]);
  });
});
