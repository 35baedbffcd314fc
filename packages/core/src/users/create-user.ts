import { hashPassword } from "@guildhall/auth";
import { schema, type DbOrTx } from "@guildhall/db";

export interface CreateUserInput {
  username: string;
  email?: string | null;
  password?: string;
  displayName?: string | null;
  description?: string | null;
  status?: string | null;
  locale?: string | null;
}

/** Inserts a user, hashing the password when one is given. */
export async function createUser(tx: DbOrTx, input: CreateUserInput) {
  const [user] = await tx
    .insert(schema.users)
    .values({
      username: input.username,
      email: input.email ?? null,
      displayName: input.displayName ?? input.username,
      description: input.description ?? null,
      status: input.status ?? null,
      locale: input.locale ?? null,
      passwordHash: input.password ? await hashPassword(input.password) : null,
    })
    .returning();
  if (!user) throw new Error("user insert returned nothing");
  return user;
}
