import { and, eq, isNull } from "drizzle-orm";
import { schema, type DbOrTx } from "@guildhall/db";

/** An active (not archived) hub by its slug, or undefined. */
export async function getHubBySlug(db: DbOrTx, slug: string) {
  const [hub] = await db
    .select()
    .from(schema.hubs)
    .where(and(eq(schema.hubs.slug, slug.toLowerCase()), isNull(schema.hubs.archivedAt)))
    .limit(1);
  return hub;
}
