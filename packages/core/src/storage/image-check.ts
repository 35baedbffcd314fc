/**
 * Checks uploaded images from their bytes, never from the name or the declared
 * type: the signature must be PNG, JPEG, GIF or WebP and the header must parse
 * to sane dimensions. A renamed text file, a truncated file or a huge canvas
 * is refused.
 */
export type ImageType = "image/png" | "image/jpeg" | "image/gif" | "image/webp";

export interface ImageInfo {
  type: ImageType;
  width: number;
  height: number;
}

export const MAX_IMAGE_SIDE = 4096;

function pngInfo(b: Buffer): ImageInfo | null {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (
    b.length < 33 ||
    !b.subarray(0, 8).equals(signature) ||
    b.toString("ascii", 12, 16) !== "IHDR"
  )
    return null;
  return { type: "image/png", width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

function gifInfo(b: Buffer): ImageInfo | null {
  const header = b.toString("ascii", 0, 6);
  if (b.length < 13 || (header !== "GIF87a" && header !== "GIF89a")) return null;
  return { type: "image/gif", width: b.readUInt16LE(6), height: b.readUInt16LE(8) };
}

function webpInfo(b: Buffer): ImageInfo | null {
  if (
    b.length < 30 ||
    b.toString("ascii", 0, 4) !== "RIFF" ||
    b.toString("ascii", 8, 12) !== "WEBP"
  )
    return null;
  const chunk = b.toString("ascii", 12, 16);
  if (chunk === "VP8 ")
    return {
      type: "image/webp",
      width: b.readUInt16LE(26) & 0x3fff,
      height: b.readUInt16LE(28) & 0x3fff,
    };
  if (chunk === "VP8L") {
    const bits = b.readUInt32LE(21);
    return { type: "image/webp", width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
  }
  if (chunk === "VP8X")
    return { type: "image/webp", width: b.readUIntLE(24, 3) + 1, height: b.readUIntLE(27, 3) + 1 };
  return null;
}

function jpegInfo(b: Buffer): ImageInfo | null {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8 || b[2] !== 0xff) return null;
  let offset = 2;
  while (offset + 9 < b.length) {
    if (b[offset] !== 0xff) return null;
    const marker = b[offset + 1]!;
    const length = b.readUInt16BE(offset + 2);
    // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return {
        type: "image/jpeg",
        height: b.readUInt16BE(offset + 5),
        width: b.readUInt16BE(offset + 7),
      };
    }
    offset += 2 + length;
  }
  return null;
}

export function inspectImage(bytes: Buffer): ImageInfo | null {
  const info = pngInfo(bytes) ?? jpegInfo(bytes) ?? gifInfo(bytes) ?? webpInfo(bytes);
  if (!info) return null;
  if (
    info.width < 1 ||
    info.height < 1 ||
    info.width > MAX_IMAGE_SIDE ||
    info.height > MAX_IMAGE_SIDE
  )
    return null;
  return info;
}
