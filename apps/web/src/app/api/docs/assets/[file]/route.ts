import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { getAbsoluteFSPath } from "swagger-ui-dist";

export const dynamic = "force-dynamic";

const init = `window.ui = SwaggerUIBundle({
  url: "/api/openapi.json",
  dom_id: "#swagger-ui",
  deepLinking: true,
  tryItOutEnabled: true,
  persistAuthorization: true,
});`;

const files: Record<string, string> = {
  "swagger-ui.css": "text/css; charset=utf-8",
  "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
};

/** Serves Swagger UI's own files from the installed package, and its start script. */
export async function GET(_req: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const cache = { "cache-control": "public, max-age=86400" };
  if (file === "init.js")
    return new Response(init, {
      headers: { "content-type": files["swagger-ui-bundle.js"]!, ...cache },
    });
  const type = files[file];
  if (!type) return new Response("Not found", { status: 404 });
  const body = await readFile(join(getAbsoluteFSPath(), file));
  return new Response(body, { headers: { "content-type": type, ...cache } });
}
