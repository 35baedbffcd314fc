import { schema, type Database, type DbOrTx } from "@guildhall/db";
import { and, asc, eq, sql } from "drizzle-orm";
import { auditBase, recordAudit, type HubActor } from "../access";
import { AppError } from "../errors";
import { ticketSettings } from "./access";
import { matchCategory } from "./create-ticket";
import type { SlaTargets } from "./rules";

export type SlaPolicy = typeof schema.slaPolicies.$inferSelect;

/** The hub's SLA policies, by category. */
export function listSlaPolicies(db: DbOrTx, hubId: string): Promise<SlaPolicy[]> {
  return db
    .select()
    .from(schema.slaPolicies)
    .where(eq(schema.slaPolicies.hubId, hubId))
    .orderBy(asc(schema.slaPolicies.category));
}

/**
 * Sets the first-response and resolution targets of one of the hub's
 * categories (creating or replacing its policy). Tickets opened from now on
 * get due times from it; existing tickets keep theirs.
 */
export async function setSlaPolicy(
  db: Database,
  actor: HubActor,
  input: { category: string } & SlaTargets,
): Promise<SlaPolicy> {
  if (input.resolutionMinutes < input.firstResponseMinutes)
    throw new AppError(
      "VALIDATION_FAILED",
      {},
      { fieldErrors: { resolutionMinutes: ["validation.slaResolution"] } },
    );
  const category = matchCategory(
    (await ticketSettings(db, actor.hubId)).categories,
    input.category,
  );
  const s = schema.slaPolicies;
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(s)
      .where(and(eq(s.hubId, actor.hubId), eq(s.category, category)))
      .for("update");
    const targets = {
      firstResponseMinutes: input.firstResponseMinutes,
      resolutionMinutes: input.resolutionMinutes,
    };
    if (
      before?.firstResponseMinutes === targets.firstResponseMinutes &&
      before.resolutionMinutes === targets.resolutionMinutes
    )
      return before;
    const [policy] = await tx
      .insert(s)
      .values({ hubId: actor.hubId, category, ...targets })
      .onConflictDoUpdate({
        target: [s.hubId, s.category],
        set: { ...targets, updatedAt: new Date() },
      })
      .returning();
    await recordAudit(tx, {
      ...auditBase(actor),
      action: "slaPolicy.set",
      targetType: "slaPolicy",
      targetId: policy!.id,
      before: before
        ? {
            firstResponseMinutes: before.firstResponseMinutes,
            resolutionMinutes: before.resolutionMinutes,
          }
        : null,
      after: { category, ...targets },
    });
    return policy!;
  });
}

/** Removes a category's policy (named in any case); its new tickets get no due times. */
export async function deleteSlaPolicy(db: Database, actor: HubActor, category: string) {
  const s = schema.slaPolicies;
  await db.transaction(async (tx) => {
    const [deleted] = await tx
      .delete(s)
      .where(and(eq(s.hubId, actor.hubId), sql`lower(${s.category}) = lower(${category})`))
      .returning();
    if (!deleted) throw new AppError("SLA_POLICY_NOT_FOUND");
    await recordAudit(tx, {
      ...auditBase(actor),
      action: "slaPolicy.delete",
      targetType: "slaPolicy",
      targetId: deleted.id,
      before: {
        category: deleted.category,
        firstResponseMinutes: deleted.firstResponseMinutes,
        resolutionMinutes: deleted.resolutionMinutes,
      },
    });
  });
}
