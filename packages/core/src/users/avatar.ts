import { schema, uuidv7, type Database } from "@guildhall/db";
import { eq } from "drizzle-orm";
import { recordAudit } from "../audit";
import { AppError } from "../errors";
import { inspectImage } from "../storage/image-check";
import { getStorage } from "../storage/storage";
import { getUserById } from "./get-user";

export const MAX_AVATAR_BYTES = 2 * 1024 * 1024;
const extensions = {
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/gif": "gif",
  "image/webp": "webp",
} as const;

/** The public URL of a stored avatar. */
export function avatarUrl(key: string | null): string | null {
  return key ? `/api/files/${key}` : null;
}

function invalid(): AppError {
  return new AppError("INVALID_IMAGE", {}, { fieldErrors: { image: ["errors.invalidImage"] } });
}

/**
 * Replaces the user's avatar. The type comes from the bytes (signature and
 * header), never from a name or a declared type; the old file is removed.
 */
export async function setAvatar(db: Database, userId: string, base64: string) {
  const clean = base64.replace(/^data:[^,]*,/, "");
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) throw invalid();
  const bytes = Buffer.from(clean, "base64");
  if (bytes.length === 0 || bytes.length > MAX_AVATAR_BYTES) throw invalid();
  const image = inspectImage(bytes);
  if (!image) throw invalid();
  const user = await getUserById(db, userId);
  if (!user) throw new AppError("USER_NOT_FOUND");
  const key = `avatars/${userId}/${uuidv7()}.${extensions[image.type]}`;
  const storage = getStorage();
  await storage.put(key, bytes, image.type);
  try {
    await db.transaction(async (tx) => {
      await tx.update(schema.users).set({ avatarKey: key }).where(eq(schema.users.id, userId));
      await recordAudit(tx, {
        hubId: null,
        actorId: userId,
        action: "user.setAvatar",
        targetType: "user",
        targetId: userId,
        after: { key, ...image },
      });
    });
  } catch (error) {
    await storage.delete(key).catch(() => undefined);
    throw error;
  }
  if (user.avatarKey) await storage.delete(user.avatarKey).catch(() => undefined);
  return { avatarUrl: avatarUrl(key)!, ...image };
}

export async function removeAvatar(db: Database, userId: string) {
  const user = await getUserById(db, userId);
  if (!user) throw new AppError("USER_NOT_FOUND");
  if (!user.avatarKey) return;
  await db.update(schema.users).set({ avatarKey: null }).where(eq(schema.users.id, userId));
  await getStorage()
    .delete(user.avatarKey)
    .catch(() => undefined);
}
