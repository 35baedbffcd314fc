import { AppError } from "../errors";
import { inspectImage, type ImageInfo, type ImageType } from "./image-check";

/** Uploaded images (avatars, hub logos) are at most this big. */
export const MAX_UPLOAD_IMAGE_BYTES = 2 * 1024 * 1024;

/** The file extension a stored image gets, from its checked type. */
export const imageExtensions: Record<ImageType, string> = {
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/gif": "gif",
  "image/webp": "webp",
};

/** INVALID_IMAGE, naming the input field at fault. */
export function invalidImage(field = "image"): AppError {
  return new AppError("INVALID_IMAGE", {}, { fieldErrors: { [field]: ["errors.invalidImage"] } });
}

/**
 * Decodes a base64 upload (a data: URL prefix is accepted) and checks it is a
 * real image from its bytes, never from a name or a declared type.
 */
export function decodeUploadedImage(
  base64: string,
  maxBytes = MAX_UPLOAD_IMAGE_BYTES,
): { bytes: Buffer; image: ImageInfo } {
  const clean = base64.replace(/^data:[^,]*,/, "");
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) throw invalidImage();
  const bytes = Buffer.from(clean, "base64");
  if (bytes.length === 0 || bytes.length > maxBytes) throw invalidImage();
  const image = inspectImage(bytes);
  if (!image) throw invalidImage();
  return { bytes, image };
}

/**
 * Keys that /api/files serves to anyone: avatars and hub logos, each under
 * its owner's id with an unguessable, never reused name. Other stored files
 * (site files, ticket attachments) are never public.
 */
const publicFileKey = /^(avatars|hub-logos)\/[0-9a-f-]{36}\/[0-9a-f-]{36}\.(png|jpg|gif|webp)$/;

export function isPublicFileKey(key: string): boolean {
  return publicFileKey.test(key);
}
