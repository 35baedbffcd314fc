import { schema, type Database, type DbOrTx } from "@guildhall/db";
import { and, desc, eq, lt } from "drizzle-orm";
import { auditBase, getMembership, recordAudit, type HubActor } from "../access";
import { AppError } from "../errors";
import { getHubBySlug } from "../hubs";
import { addMember } from "./add-member";
import { assertNotBanned } from "./bans";

async function assertCanJoin(tx: DbOrTx, hubId: string, userId: string) {
  if (await getMembership(tx, hubId, userId)) throw new AppError("ALREADY_MEMBER");
  await assertNotBanned(tx, hubId, userId);
}

/**
 * Joins a hub by its policy: "open" hubs admit at once, "application" hubs
 * record a request for staff (one open request per user), "invite" hubs refuse.
 */
export async function joinHub(
  db: Database,
  input: { hubSlug: string; userId: string; message?: string; ip?: string | null },
): Promise<{ status: "joined" | "applied"; hubSlug: string; applicationId: string | null }> {
  const hub = await getHubBySlug(db, input.hubSlug);
  if (!hub) throw new AppError("HUB_NOT_FOUND", { hub: input.hubSlug });
  if (hub.joinPolicy === "invite") throw new AppError("JOIN_CLOSED");
  return db.transaction(async (tx) => {
    await assertCanJoin(tx, hub.id, input.userId);
    if (hub.joinPolicy === "open") {
      await addMember(tx, { hubId: hub.id, userId: input.userId });
      await recordAudit(tx, {
        hubId: hub.id,
        actorId: input.userId,
        action: "member.join",
        targetType: "member",
        targetId: input.userId,
        ip: input.ip ?? null,
      });
      return { status: "joined" as const, hubSlug: hub.slug, applicationId: null };
    }
    const [pending] = await tx
      .select({ id: schema.hubApplications.id })
      .from(schema.hubApplications)
      .where(
        and(
          eq(schema.hubApplications.hubId, hub.id),
          eq(schema.hubApplications.userId, input.userId),
          eq(schema.hubApplications.status, "pending"),
        ),
      )
      .limit(1);
    const [application] = pending
      ? [pending]
      : await tx
          .insert(schema.hubApplications)
          .values({
            hubId: hub.id,
            userId: input.userId,
            message: input.message ?? "",
            status: "pending",
          })
          .returning({ id: schema.hubApplications.id });
    return { status: "applied" as const, hubSlug: hub.slug, applicationId: application!.id };
  });
}

/** Join requests of a hub, newest first, with the applicant's name. */
export async function listApplications(
  db: DbOrTx,
  hubId: string,
  q: { status?: "pending" | "accepted" | "rejected" | "withdrawn"; cursor?: string; limit: number },
) {
  const a = schema.hubApplications;
  const rows = await db
    .select({
      id: a.id,
      userId: a.userId,
      username: schema.users.username,
      message: a.message,
      status: a.status,
      decidedBy: a.decidedBy,
      decidedAt: a.decidedAt,
      createdAt: a.createdAt,
    })
    .from(a)
    .innerJoin(schema.users, eq(schema.users.id, a.userId))
    .where(
      and(
        eq(a.hubId, hubId),
        q.status ? eq(a.status, q.status) : undefined,
        q.cursor ? lt(a.id, q.cursor) : undefined,
      ),
    )
    .orderBy(desc(a.id))
    .limit(q.limit + 1);
  const items = rows.slice(0, q.limit);
  return { items, nextCursor: rows.length > q.limit ? items.at(-1)!.id : null };
}

/** Staff accept (the applicant becomes a member) or reject a pending request. */
export async function decideApplication(
  db: Database,
  actor: HubActor,
  applicationId: string,
  accept: boolean,
) {
  await db.transaction(async (tx) => {
    const [application] = await tx
      .select()
      .from(schema.hubApplications)
      .where(
        and(
          eq(schema.hubApplications.id, applicationId),
          eq(schema.hubApplications.hubId, actor.hubId),
        ),
      )
      .for("update")
      .limit(1);
    if (!application) throw new AppError("JOIN_APPLICATION_NOT_FOUND");
    if (application.status !== "pending") throw new AppError("CONFLICT");
    if (accept) {
      await assertCanJoin(tx, actor.hubId, application.userId);
      await addMember(tx, {
        hubId: actor.hubId,
        userId: application.userId,
        actorId: actor.userId,
      });
    }
    await tx
      .update(schema.hubApplications)
      .set({
        status: accept ? "accepted" : "rejected",
        decidedBy: actor.userId,
        decidedAt: new Date(),
      })
      .where(eq(schema.hubApplications.id, application.id));
    await recordAudit(tx, {
      ...auditBase(actor),
      action: accept ? "member.accept" : "member.reject",
      targetType: "member",
      targetId: application.userId,
      after: { applicationId: application.id },
    });
  });
}
