import { hashPassword } from "@guildhall/auth";
import { createSession } from "@guildhall/core/identity";
import { createDatabase, schema } from "@guildhall/db";
import { eq } from "drizzle-orm";
import fc from "fast-check";
import { buildWorld } from "../../../../packages/api/test/support/world";
import { worldChat } from "../../../../packages/api/test/support/world-chat";
import type { ServerDatabase } from "../support/server";
import type { Hints } from "./zod-arbitrary";

export const MEMBER_PASSWORD = "a fuzzing member passphrase";

export interface FuzzWorld {
  memberUsername: string;
  memberToken: string;
  hints: Hints;
}

/**
 * The authorization tests' world in the server's database (before the server
 * starts: an embedded database has one owner), with a password for `member`
 * so the fuzzer can sign in again over HTTP when a fuzzed call ends its session.
 */
export async function buildFuzzWorld(database: ServerDatabase): Promise<FuzzWorld> {
  const handle = await createDatabase({
    url: database.env.DATABASE_URL,
    dataDir: database.env.PGLITE_DATA_DIR,
  });
  try {
    const world = await buildWorld(handle);
    const member = world.principals.member;
    await handle.db
      .update(schema.users)
      .set({ passwordHash: await hashPassword(MEMBER_PASSWORD) })
      .where(eq(schema.users.id, member.userId));
    const session = await handle.db.transaction((tx) =>
      createSession(tx, { userId: member.userId, kind: "api", mfaVerified: false }),
    );
    const userIds = Object.values(world.principals).map((p) => p.userId);
    const usernames = Object.values(world.principals).map((p) => p.username);
    const someUuid = fc.uuid({ version: 7 });
    const known = <T>(values: T[], other: fc.Arbitrary<T>) =>
      fc.oneof(
        { arbitrary: fc.constantFrom(...values), weight: 3 },
        { arbitrary: other, weight: 1 },
      );
    return {
      memberUsername: member.username,
      memberToken: session.accessToken,
      hints: {
        hubSlug: known([world.hubSlug, world.otherHubSlug], fc.stringMatching(/^[a-z0-9-]{1,40}$/)),
        userId: known(userIds, someUuid),
        targetUserId: known(userIds, someUuid),
        chatId: known([worldChat.chatId], someUuid),
        messageId: known([worldChat.messageId], someUuid),
        username: known(usernames, fc.stringMatching(/^[a-z0-9._-]{4,20}$/)),
      },
    };
  } finally {
    await handle.close();
  }
}
