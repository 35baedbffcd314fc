import QRCode from "qrcode";

/**
 * A QR code of `text` (a link to scan) as an SVG data URL: usable as an
 * `<img src>` as is, small, and sharp at any size.
 */
export async function qrCodeDataUrl(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: "svg", errorCorrectionLevel: "M", margin: 1 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}
