import { schema, uuidv7, type Database, type DbOrTx } from "@guildhall/db";
import { eq } from "drizzle-orm";
import { auditBase, recordAudit, type HubActor } from "../access";
import { AppError } from "../errors";
import { decodeUploadedImage, getStorage, imageExtensions } from "../storage";

/** The public URL of a stored hub logo (served by /api/files like avatars). */
export function hubLogoUrl(key: string | null): string | null {
  return key ? `/api/files/${key}` : null;
}

/** The hub's current logo key, row-locked so concurrent uploads replace one another in turn. */
async function lockedLogoKey(tx: DbOrTx, hubId: string): Promise<string | null> {
  const [hub] = await tx
    .select({ logoKey: schema.hubs.logoKey })
    .from(schema.hubs)
    .where(eq(schema.hubs.id, hubId))
    .for("update");
  if (!hub) throw new AppError("HUB_NOT_FOUND", { hub: hubId });
  return hub.logoKey;
}

/**
 * Replaces the hub's logo, exactly as avatars are stored: the type comes from
 * the bytes, the file goes to local disk or S3 under an unguessable key, the
 * change is audited in the transaction that records it, and the old file is
 * removed afterwards (the new one if the transaction fails).
 */
export async function setHubLogo(db: Database, actor: HubActor, base64: string) {
  const { bytes, image } = decodeUploadedImage(base64);
  const hubId = actor.hubId;
  const key = `hub-logos/${hubId}/${uuidv7()}.${imageExtensions[image.type]}`;
  const storage = getStorage();
  await storage.put(key, bytes, image.type);
  let previous: string | null;
  try {
    previous = await db.transaction(async (tx) => {
      const before = await lockedLogoKey(tx, hubId);
      await tx.update(schema.hubs).set({ logoKey: key }).where(eq(schema.hubs.id, hubId));
      await recordAudit(tx, {
        ...auditBase(actor),
        action: "hub.setLogo",
        targetType: "hub",
        targetId: hubId,
        before: { logoKey: before },
        after: { logoKey: key, ...image },
      });
      return before;
    });
  } catch (error) {
    await storage.delete(key).catch(() => undefined);
    throw error;
  }
  if (previous) await storage.delete(previous).catch(() => undefined);
  return { logoUrl: hubLogoUrl(key)!, ...image };
}

/** Removes the hub's logo (nothing to do, and nothing audited, when it has none). */
export async function removeHubLogo(db: Database, actor: HubActor) {
  const hubId = actor.hubId;
  const removed = await db.transaction(async (tx) => {
    const before = await lockedLogoKey(tx, hubId);
    if (!before) return null;
    await tx.update(schema.hubs).set({ logoKey: null }).where(eq(schema.hubs.id, hubId));
    await recordAudit(tx, {
      ...auditBase(actor),
      action: "hub.removeLogo",
      targetType: "hub",
      targetId: hubId,
      before: { logoKey: before },
    });
    return before;
  });
  if (removed)
    await getStorage()
      .delete(removed)
      .catch(() => undefined);
}
