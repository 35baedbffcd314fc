import { generatePassword } from "@guildhall/auth";
import { schema, type Database } from "@guildhall/db";
import { eq, sql } from "drizzle-orm";
import { recordAudit } from "../access";
import { createHub, getHubBySlug } from "../hubs";
import { createUser, getUserByUsername } from "../users";

/** Any constant, distinct from the migration lock. */
const SEED_LOCK = 7_351_903;

export interface SeedOptions {
  hubSlug: string;
  adminUsername: string;
  adminEmail: string;
  /** Generated when absent. */
  adminPassword?: string;
}

export interface SeedResult {
  /** False when the demo hub already existed and nothing was written. */
  created: boolean;
  hubSlug: string;
  adminUsername: string;
  /** Only when this run created the admin account: print it once. */
  adminPassword?: string;
}

/**
 * Creates the demo hub and its admin on an empty database, in one transaction.
 * Idempotent: when the hub exists nothing changes and no password is returned,
 * so credentials are printed exactly once.
 */
export async function seedDemo(db: Database, options: SeedOptions): Promise<SeedResult> {
  return db.transaction(async (tx) => {
    // Instances starting together on one Postgres take turns; the later ones find the hub.
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK})`);
    const existing = await getHubBySlug(tx, options.hubSlug);
    if (existing)
      return { created: false, hubSlug: existing.slug, adminUsername: options.adminUsername };
    const password = options.adminPassword ?? generatePassword();
    let admin = await getUserByUsername(tx, options.adminUsername);
    const adminCreated = !admin;
    if (!admin) {
      admin = await createUser(tx, {
        username: options.adminUsername,
        email: options.adminEmail,
        password,
        displayName: "Administrator",
      });
      // The printed account administers the instance (stored, so SUPER_ADMINS is not needed).
      [admin] = await tx
        .update(schema.users)
        .set({ instanceAdmin: true })
        .where(eq(schema.users.id, admin.id))
        .returning();
      await recordAudit(tx, {
        hubId: null,
        actorId: null,
        action: "user.create",
        targetType: "user",
        targetId: admin!.id,
        after: { username: admin!.username, source: "seed", instanceAdmin: true },
      });
    }
    const hub = await createHub(tx, {
      slug: options.hubSlug,
      name: "Demo Hub",
      description: "A demo community created on first start.",
      ownerId: admin!.id,
    });
    return {
      created: true,
      hubSlug: hub.slug,
      adminUsername: admin!.username,
      ...(adminCreated ? { adminPassword: password } : {}),
    };
  });
}
