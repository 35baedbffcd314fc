import { getMembership } from "@guildhall/core/access";
import { createHub } from "@guildhall/core/hubs";
import { createApplicationToken, resolvePrincipal } from "@guildhall/core/identity";
import { addMember } from "@guildhall/core/members";
import { busFor } from "@guildhall/core/realtime";
import {
  accessTokenPrincipal,
  createTestDatabase,
  type TestDatabase,
} from "@guildhall/core/testing";
import { createUser } from "@guildhall/core/users";
import { schema, type Database, type DatabaseHandle } from "@guildhall/db";
import { inArray } from "drizzle-orm";
import { afterAll, beforeAll } from "vitest";
import {
  createCaller,
  createContext,
  type Context,
  type Principal,
  type Transport,
} from "../../src";
import { createWorldChat, restoreWorldChat } from "./world-chat";
import { seedHubObjects, type WorldObjects } from "./world-objects";

/** The callers every authorization test uses, from anonymous to super admin. */
export const roles = [
  "anonymous",
  "guest",
  "member",
  "moderator",
  "admin",
  "owner",
  "superAdmin",
  "otherHub",
] as const;
export type Role = (typeof roles)[number];

/**
 * Application tokens of `owner` as callers: one with scope `read`, one with
 * `write`. Resolved from `Authorization` per call, as HTTP requests are.
 */
export const tokenCallers = ["readToken", "writeToken"] as const;
export type TokenCaller = (typeof tokenCallers)[number];

export interface World {
  /**
   * Puts the world back as built (un-archives hubs, re-adds members who left with their role).
   * `db` defaults to the handle it was built with; a test whose server owns the database
   * (embedded PGlite) passes a handle it opened after stopping that server.
   */
  restore(db?: Database): Promise<void>;
  hubSlug: string;
  otherHubSlug: string;
  principals: Record<Exclude<Role, "anonymous">, Principal>;
  caller(role: Role, options?: { locale?: string; hub?: string }): ReturnType<typeof createCaller>;
  /** A fresh context of `role` (what `caller` calls with), e.g. for the WebSocket action protocol. */
  context(role: Role, options?: { locale?: string; hub?: string; transport?: Transport }): Context;
  /** A caller authenticated by one of `owner`'s application tokens (see `tokenCallers`). */
  tokenCaller(kind: TokenCaller): Promise<ReturnType<typeof createCaller>>;
  /** The ids of those tokens (`application_tokens.id`). */
  tokenIds: Record<TokenCaller, string>;
  /** With `{ objects: true }`: one object of every kind in each hub (for cross-hub cases). */
  objects: WorldObjects | null;
}

export interface WorldOptions {
  /** Seed one object of every kind in both hubs (`world.objects`); uploads an attachment. */
  objects?: boolean;
}

/** Two hubs with one user per role in the first and a member of the second; `member` and `moderator` share a private chat. */
export async function buildWorld(tdb: DatabaseHandle, options: WorldOptions = {}): Promise<World> {
  const users = Object.fromEntries(
    await Promise.all(
      (["guest", "member", "moderator", "admin", "owner", "superAdmin", "otherHub"] as const).map(
        async (role) =>
          [role, await createUser(tdb.db, { username: `${role.toLowerCase()}user` })] as const,
      ),
    ),
  ) as unknown as Record<Exclude<Role, "anonymous">, { id: string; username: string }>;
  const hub = await tdb.db.transaction((tx) =>
    createHub(tx, { slug: "alpha", name: "Alpha", ownerId: users.owner.id }),
  );
  const betaHub = await tdb.db.transaction((tx) =>
    createHub(tx, { slug: "beta", name: "Beta", ownerId: users.otherHub.id }),
  );
  for (const role of ["guest", "member", "moderator", "admin"] as const) {
    await addMember(tdb.db, { hubId: hub.id, userId: users[role].id, roleKey: role });
  }
  await createWorldChat(tdb.db, users.member.id, users.moderator.id);
  const principals = Object.fromEntries(
    Object.entries(users).map(([role, user]) => [
      role,
      accessTokenPrincipal(user, role === "superAdmin"),
    ]),
  ) as World["principals"];
  const tokens = {
    readToken: await createApplicationToken(tdb.db, {
      userId: users.owner.id,
      name: "world read",
      scopes: ["read"],
    }),
    writeToken: await createApplicationToken(tdb.db, {
      userId: users.owner.id,
      name: "world write",
      scopes: ["write"],
    }),
  };
  const contextFor = (principal: Principal | null, peer: string, headers = new Headers()) =>
    createContext({ db: tdb.db, dbKind: tdb.kind, headers, principal, peer, bus: busFor(tdb) });
  const callerFor = (user: { id: string; username: string }) =>
    createCaller(contextFor(accessTokenPrincipal(user), "10.0.1.1"));
  const objects: WorldObjects | null = options.objects
    ? {
        alpha: await seedHubObjects(tdb.db, {
          hubSlug: "alpha",
          hubId: hub.id,
          owner: callerFor(users.owner),
          ownerId: users.owner.id,
          callerFor,
          configSection: "meme",
          configData: { templates_cache_duration: 120 },
        }),
        beta: await seedHubObjects(tdb.db, {
          hubSlug: "beta",
          hubId: betaHub.id,
          owner: callerFor(users.otherHub),
          ownerId: users.otherHub.id,
          callerFor,
          configSection: "rocket-league",
          configData: { rank_check_interval_hours: 4 },
        }),
        featureKey: (
          await createCaller(
            contextFor(principals.superAdmin, "10.0.1.2"),
          ).features.catalogue.create({ key: "world.feature", name: "World feature" })
        ).key,
      }
    : null;
  const restore = async (db: Database = tdb.db) => {
    await db
      .update(schema.hubs)
      .set({ archivedAt: null })
      .where(inArray(schema.hubs.id, [hub.id]));
    for (const role of ["guest", "member", "moderator", "admin"] as const) {
      if (!(await getMembership(db, hub.id, users[role].id)))
        await addMember(db, { hubId: hub.id, userId: users[role].id, roleKey: role });
    }
    await restoreWorldChat(db, users.member.id);
    // tokens.revokeAll (as owner or through a token) revokes the world's tokens.
    await db
      .update(schema.applicationTokens)
      .set({ revokedAt: null })
      .where(inArray(schema.applicationTokens.id, [tokens.readToken.id, tokens.writeToken.id]));
  };
  const contextOf: World["context"] = (role, options = {}) => {
    // One address per role, so per-IP buckets (login) do not mix roles.
    const headers = new Headers();
    const peer = `10.0.0.${roles.indexOf(role) + 1}`;
    if (options.locale) headers.set("accept-language", options.locale);
    if (options.hub) headers.set("x-hub", options.hub);
    const principal = role === "anonymous" ? null : principals[role];
    const { transport } = options;
    return createContext({
      db: tdb.db,
      dbKind: tdb.kind,
      headers,
      principal,
      peer,
      bus: busFor(tdb),
      transport,
    });
  };
  return {
    restore,
    hubSlug: "alpha",
    otherHubSlug: "beta",
    principals,
    objects,
    tokenIds: { readToken: tokens.readToken.id, writeToken: tokens.writeToken.id },
    async tokenCaller(kind) {
      const authorization = `Bearer ${tokens[kind].token}`;
      const headers = new Headers({ authorization });
      const principal = await resolvePrincipal(tdb.db, authorization);
      return createCaller(
        contextFor(principal, `10.0.2.${tokenCallers.indexOf(kind) + 1}`, headers),
      );
    },
    caller(role, options = {}) {
      return createCaller(contextOf(role, options));
    },
    context: contextOf,
  };
}

/** For a test file: its own database with the world built once; read `.world` / `.db` inside tests. */
export function useWorld(options: WorldOptions = {}): {
  readonly world: World;
  readonly db: TestDatabase;
} {
  let tdb: TestDatabase | undefined;
  let world: World | undefined;
  beforeAll(async () => {
    tdb = await createTestDatabase();
    world = await buildWorld(tdb, options);
  });
  afterAll(async () => {
    if (tdb) await busFor(tdb).stop();
    await tdb?.destroy();
  });
  return {
    get world() {
      if (!world) throw new Error("world not built");
      return world;
    },
    get db() {
      if (!tdb) throw new Error("database not created");
      return tdb;
    },
  };
}

/** A caller authenticated the way HTTP requests are: by resolving `Authorization`. */
export async function callerWithAuthorization(
  tdb: TestDatabase,
  authorization: string | null,
  ip = "10.9.9.9",
) {
  const headers = new Headers();
  if (authorization) headers.set("authorization", authorization);
  const principal = await resolvePrincipal(tdb.db, authorization);
  return createCaller(
    createContext({
      db: tdb.db,
      dbKind: tdb.kind,
      headers,
      principal,
      // As the server does: credentials sent that name nobody are INVALID_TOKEN.
      credentialsRejected: authorization !== null && !principal,
      peer: ip,
    }),
  );
}
