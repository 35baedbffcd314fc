import { schema, type DbOrTx } from "@guildhall/db";
import { and, eq } from "drizzle-orm";
import { toSectionState, type ConfigSectionState } from "./section-state";
import { configSectionNames, type ConfigSectionData, type ConfigSectionName } from "./sections";

/**
 * One section of a hub, read from the database on every call: a change is
 * live for the next reader, in every process, without a restart.
 */
export async function getConfigSection(
  db: DbOrTx,
  hubId: string,
  section: ConfigSectionName,
): Promise<ConfigSectionState> {
  const [row] = await db
    .select()
    .from(schema.configSections)
    .where(and(eq(schema.configSections.hubId, hubId), eq(schema.configSections.section, section)));
  return toSectionState(section, row);
}

/** Every section of a hub (defaults for those never saved), in the registry's order. */
export async function getConfig(db: DbOrTx, hubId: string): Promise<ConfigSectionState[]> {
  const rows = await db
    .select()
    .from(schema.configSections)
    .where(eq(schema.configSections.hubId, hubId));
  const byName = new Map(rows.map((row) => [row.section, row]));
  return configSectionNames.map((section) => toSectionState(section, byName.get(section)));
}

/** A section's live fields, typed by its schema (what the bot's features read). */
export async function getConfigSectionData<S extends ConfigSectionName>(
  db: DbOrTx,
  hubId: string,
  section: S,
): Promise<ConfigSectionData<S>> {
  const state = await getConfigSection(db, hubId, section);
  return state.data as ConfigSectionData<S>;
}
