import { getLogger } from "../logger";
import { getStorage, type FileStorage } from "../storage";

/** Every stored file of a site (recordings, snapshots, detections) lives under this key prefix. */
export function siteFilePrefix(siteId: string): string {
  return `sites/${siteId}/`;
}

/**
 * Removes a deleted site's files. Runs after the database commit: files of a
 * site that no longer exists are safe to lose, while the reverse order could
 * leave a site whose files are gone. A failure is logged, not thrown, since
 * the site itself is already deleted.
 */
export async function removeSiteFiles(
  siteId: string,
  storage: FileStorage = getStorage(),
): Promise<boolean> {
  try {
    await storage.deletePrefix(siteFilePrefix(siteId));
    return true;
  } catch (error) {
    getLogger().warn(
      { err: error instanceof Error ? error.message : String(error), siteId },
      "site files not removed",
    );
    return false;
  }
}
