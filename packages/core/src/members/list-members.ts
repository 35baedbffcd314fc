import { schema, type DbOrTx } from "@guildhall/db";
import { and, desc, eq, inArray, lt, sql } from "drizzle-orm";
import { avatarUrl } from "../users";

export interface MemberListQuery {
  /** Username prefix, case-insensitive. */
  query?: string;
  roleId?: string;
  cursor?: string;
  limit: number;
}

/**
 * A username prefix as a range [from, to) in C (code point) order, the order
 * of users_username_prefix_idx: the planner estimates a range from the index
 * statistics (it cannot for a parameterised LIKE), and wildcards in the
 * search text mean themselves.
 */
function prefixRange(text: string): [string, string] {
  const from = text.toLowerCase();
  const last = from.codePointAt(from.length - 1) ?? 0;
  return [from, from.slice(0, -1) + String.fromCodePoint(last + 1)];
}

/**
 * A hub's members, newest first (keyset on the membership id), with search by
 * username prefix and a role filter; each with their roles, highest first.
 */
export async function listMembers(db: DbOrTx, hubId: string, q: MemberListQuery) {
  const { hubMemberships: m, users: u, hubMemberRoles: mr, hubRoles: r } = schema;
  const rows = await db
    .select({
      membershipId: m.id,
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      avatarKey: u.avatarKey,
      joinedAt: m.joinedAt,
    })
    .from(m)
    .innerJoin(u, eq(u.id, m.userId))
    .where(
      and(
        eq(m.hubId, hubId),
        q.cursor ? lt(m.id, q.cursor) : undefined,
        q.query
          ? sql`lower(${u.username}) collate "C" >= ${prefixRange(q.query)[0]} and lower(${u.username}) collate "C" < ${prefixRange(q.query)[1]}`
          : undefined,
        q.roleId
          ? sql`exists (select 1 from ${mr} where ${mr.hubId} = ${hubId} and ${mr.userId} = ${m.userId} and ${mr.roleId} = ${q.roleId})`
          : undefined,
      ),
    )
    .orderBy(desc(m.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  const roles = page.length
    ? await db
        .select({ userId: mr.userId, id: r.id, key: r.key, name: r.name, position: r.position })
        .from(mr)
        .innerJoin(r, eq(r.id, mr.roleId))
        .where(
          and(
            eq(mr.hubId, hubId),
            inArray(
              mr.userId,
              page.map((row) => row.id),
            ),
          ),
        )
        .orderBy(desc(r.position))
    : [];
  const items = page.map(({ membershipId: _, avatarKey, ...row }) => ({
    ...row,
    avatarUrl: avatarUrl(avatarKey),
    roles: roles.filter((role) => role.userId === row.id).map(({ userId: _u, ...role }) => role),
  }));
  return {
    items,
    nextCursor: rows.length > q.limit ? page.at(-1)!.membershipId : null,
  };
}
