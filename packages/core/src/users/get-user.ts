import { eq, sql } from "drizzle-orm";
import { schema, type DbOrTx } from "@guildhall/db";

export async function getUserById(db: DbOrTx, id: string) {
  const [user] = await db.select().from(schema.users).where(eq(schema.users.id, id)).limit(1);
  return user;
}

/** Usernames are unique regardless of case. */
export async function getUserByUsername(db: DbOrTx, username: string) {
  const [user] = await db
    .select()
    .from(schema.users)
    .where(sql`lower(${schema.users.username}) = ${username.toLowerCase()}`)
    .limit(1);
  return user;
}

export async function getUserByEmail(db: DbOrTx, email: string) {
  const [user] = await db
    .select()
    .from(schema.users)
    .where(sql`lower(${schema.users.email}) = ${email.toLowerCase()}`)
    .limit(1);
  return user;
}
