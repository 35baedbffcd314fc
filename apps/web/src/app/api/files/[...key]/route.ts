import { getStorage, isPublicFileKey } from "@guildhall/core/storage";

export const dynamic = "force-dynamic";

/** Serves public uploads (avatars, hub logos) from local disk or S3. Keys are unguessable and never reused. */
export async function GET(_req: Request, { params }: { params: Promise<{ key: string[] }> }) {
  const key = (await params).key.join("/");
  if (!isPublicFileKey(key)) return new Response("Not found", { status: 404 });
  const file = await getStorage().get(key);
  if (!file) return new Response("Not found", { status: 404 });
  return new Response(new Uint8Array(file.body), {
    headers: {
      "content-type": file.contentType,
      "cache-control": "public, max-age=31536000, immutable",
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'",
    },
  });
}
