import { and, eq } from "drizzle-orm";
import { schema, type DbOrTx } from "@guildhall/db";

export async function getMembership(db: DbOrTx, hubId: string, userId: string) {
  const [membership] = await db
    .select()
    .from(schema.hubMemberships)
    .where(and(eq(schema.hubMemberships.hubId, hubId), eq(schema.hubMemberships.userId, userId)))
    .limit(1);
  return membership;
}
