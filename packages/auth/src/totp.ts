import { generate, generateSecret, generateURI, verify } from "otplib";
import QRCode from "qrcode";

/** RFC 6238 TOTP: 6 digits, 30 s steps, one step of clock drift either way. */
export function createTotpSecret(): string {
  return generateSecret();
}

export function totpUri(secret: string, account: string, issuer = "Guildhall"): string {
  return generateURI({ issuer, label: account, secret });
}

/** A PNG data URL of the otpauth URI, for authenticator apps to scan. */
export function totpQrDataUrl(uri: string): Promise<string> {
  return QRCode.toDataURL(uri, { errorCorrectionLevel: "M", margin: 1, width: 240 });
}

/**
 * Checks a code. `afterStep` is the last step already used: a code from that
 * step or earlier is refused, so every code works once. Returns the step used.
 * `epochSeconds` is the time to check at (default now; tests pass a fixed one).
 */
export async function verifyTotp(
  secret: string,
  code: string,
  afterStep: number | null,
  epochSeconds?: number,
): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  try {
    const result = await verify({
      secret,
      token: code,
      epochTolerance: 30,
      ...(epochSeconds !== undefined ? { epoch: epochSeconds } : {}),
      ...(afterStep !== null ? { afterTimeStep: afterStep } : {}),
    });
    return result.valid && "timeStep" in result ? result.timeStep : null;
  } catch {
    return null;
  }
}

/** The current code (tests and stand-in authenticators). */
export function currentTotp(secret: string, epochSeconds?: number): Promise<string> {
  return generate({ secret, ...(epochSeconds !== undefined ? { epoch: epochSeconds } : {}) });
}
