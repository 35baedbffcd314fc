import type { Database } from "@guildhall/db";
import { recordAudit } from "../access";
import { getConfig } from "./get-config";
import type { ConfigSectionState } from "./section-state";
import type { ConfigActor } from "./write-config";

/**
 * Re-reads every section from the database and reports the versions now live.
 * Readers never cache configuration (each read goes to the database), so what
 * this returns is what every process uses from now on; the call is audited.
 */
export async function reloadConfig(
  db: Database,
  actor: ConfigActor,
): Promise<ConfigSectionState[]> {
  return db.transaction(async (tx) => {
    const sections = await getConfig(tx, actor.hubId);
    await recordAudit(tx, {
      hubId: actor.hubId,
      actorId: actor.userId,
      action: "config.reload",
      targetType: "config",
      targetId: null,
      after: { versions: Object.fromEntries(sections.map((s) => [s.section, s.version])) },
      ip: actor.ip ?? null,
      requestId: actor.requestId ?? null,
    });
    return sections;
  });
}
