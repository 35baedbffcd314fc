import { schema, uuidv7, type Database } from "@guildhall/db";
import { eq } from "drizzle-orm";
import { recordAudit } from "../access";
import { AppError } from "../errors";
import {
  decodeUploadedImage,
  getStorage,
  imageExtensions,
  MAX_UPLOAD_IMAGE_BYTES,
} from "../storage";
import { getUserById } from "./get-user";

export const MAX_AVATAR_BYTES = MAX_UPLOAD_IMAGE_BYTES;

/** The public URL of a stored avatar. */
export function avatarUrl(key: string | null): string | null {
  return key ? `/api/files/${key}` : null;
}

/**
 * Replaces the user's avatar. The type comes from the bytes (signature and
 * header), never from a name or a declared type; the old file is removed.
 */
export async function setAvatar(db: Database, userId: string, base64: string) {
  const { bytes, image } = decodeUploadedImage(base64, MAX_AVATAR_BYTES);
  const user = await getUserById(db, userId);
  if (!user) throw new AppError("USER_NOT_FOUND");
  const key = `avatars/${userId}/${uuidv7()}.${imageExtensions[image.type]}`;
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
