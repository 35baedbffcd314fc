import { AppError } from "../errors";

/** Who made a write, for its audit row. */
export interface SiteWriteMeta {
  actorId: string | null;
  ip?: string | null;
  requestId?: string | null;
}

export function siteNameTaken(): AppError {
  return new AppError("SITE_NAME_TAKEN", {}, { fieldErrors: { name: ["errors.siteNameTaken"] } });
}

export function streamNameTaken(): AppError {
  return new AppError(
    "STREAM_NAME_TAKEN",
    {},
    { fieldErrors: { name: ["errors.streamNameTaken"] } },
  );
}

/** Camera URLs often carry credentials; the audit log keeps the address, never the password. */
export function redactUrl(value: string): string {
  try {
    const url = new URL(value);
    if (!url.password) return value;
    url.password = "***";
    return url.toString();
  } catch {
    return value;
  }
}
