/**
 * One vocabulary (issue 15, item 5), checked on an OpenAPI document: every
 * object schema in it (components, request bodies, parameters' schemas,
 * answers), walked generically, so a new schema is held to the same rules.
 *
 * - The text of a message (chat or ticket message, note, reply, mail, ...)
 *   is `body`: no property is named `text`.
 * - A file is given as a URL the client can load (`avatarUrl`, `logoUrl`),
 *   never as a storage key: no `<image or file>Key` property, and no thing
 *   that is `xKey` in one place and `xUrl` in another.
 * - An object that carries a `username` is a user or refers to one. The
 *   user's own id is `id`; `userId` only stands beside the object's own `id`
 *   (a ban of that user, an application by them): no object has `username`
 *   and `userId` without `id`.
 * - A time is `<word>At` (`createdAt`, `expiresAt`, ...), never a bare
 *   `created` / `expires` holding a date.
 */
type Json = unknown;

interface ObjectSchema {
  where: string;
  properties: string[];
  /** Each property's own schema (empty for parameters). */
  shapes: Record<string, Json>;
}

/** Every schema object with `properties` in the document, with where it sits. */
export function objectSchemas(document: Json): ObjectSchema[] {
  const found: ObjectSchema[] = [];
  const seen = new Set<object>();
  const walk = (node: Json, where: string) => {
    if (!node || typeof node !== "object" || seen.has(node)) return;
    seen.add(node);
    const properties = (node as { properties?: unknown }).properties;
    if (properties && typeof properties === "object" && !Array.isArray(properties))
      found.push({
        where,
        properties: Object.keys(properties),
        shapes: properties as Record<string, Json>,
      });
    for (const [key, value] of Object.entries(node)) walk(value, `${where}/${key}`);
  };
  const doc = document as { components?: Json; paths?: Json };
  walk(doc.components, "#/components");
  walk(doc.paths, "#/paths");
  return found;
}

/** Query and path parameter names of every operation. */
function parameterNames(document: Json): ObjectSchema[] {
  const found: ObjectSchema[] = [];
  const paths = (document as { paths?: Record<string, Record<string, unknown>> }).paths ?? {};
  for (const [path, item] of Object.entries(paths))
    for (const [method, operation] of Object.entries(item)) {
      const parameters = (operation as { parameters?: { name?: string }[] }).parameters ?? [];
      const names = parameters.flatMap((p) => (typeof p.name === "string" ? [p.name] : []));
      if (names.length)
        found.push({ where: `${method.toUpperCase()} ${path}`, properties: names, shapes: {} });
    }
  return found;
}

const fileWords = /^(avatar|logo|image|icon|banner|photo|picture|cover|file|attachment)Key$/i;
const timeWords = ["created", "updated", "deleted", "expires", "edited", "joined", "decided"];

/** What breaks the vocabulary, as "where: what" lines (empty when all is well). */
export function vocabularyProblems(document: Json): string[] {
  const schemas = [...objectSchemas(document), ...parameterNames(document)];
  const problems: string[] = [];
  const names = new Set(schemas.flatMap((s) => s.properties));
  const isTime = (shape: Json) => JSON.stringify(shape ?? {}).includes('"date-time"');
  for (const { where, properties, shapes } of schemas) {
    const has = (name: string) => properties.includes(name);
    for (const name of properties) {
      if (name === "text") problems.push(`${where}: "text" (message text is "body")`);
      if (fileWords.test(name))
        problems.push(`${where}: "${name}" (a storage key; give "${name.slice(0, -3)}Url")`);
      const base = name.endsWith("Key") ? name.slice(0, -3) : null;
      if (base && names.has(`${base}Url`))
        problems.push(`${where}: "${name}" while elsewhere "${base}Url" names the same thing`);
      // A flag (`created: false`, "it existed") is no time; a time is `<word>At`.
      if (timeWords.includes(name) && isTime(shapes[name]))
        problems.push(`${where}: "${name}" is a time (call it "${name}At")`);
    }
    if (has("username") && has("userId") && !has("id"))
      problems.push(`${where}: a user object names its own id "userId" (use "id")`);
  }
  return [...new Set(problems)];
}
