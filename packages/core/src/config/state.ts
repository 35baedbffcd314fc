import { schema, type DbOrTx } from "@guildhall/db";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import {
  configSectionDefaults,
  configSectionNames,
  configSectionSchemas,
  type ConfigSectionData,
  type ConfigSectionName,
} from "./sections";

export type SectionData = Record<string, unknown>;

/** One section as it is live now. Version 0 means "never saved": the defaults. */
export interface ConfigSectionState {
  section: ConfigSectionName;
  version: number;
  data: SectionData;
  updatedAt: Date | null;
  updatedBy: string | null;
}

/** The section's schema seen as a plain object schema (all sections are one). */
export function sectionSchema(section: ConfigSectionName): z.ZodObject<z.ZodRawShape> {
  return configSectionSchemas[section];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Stored data read through today's schema: fields no longer known are dropped,
 * missing or no longer valid ones take their default. A schema change thus
 * never breaks a hub's stored configuration.
 */
export function normalizeSectionData(section: ConfigSectionName, stored: unknown): SectionData {
  const schemaOf = sectionSchema(section);
  const whole = schemaOf.safeParse(stored ?? {});
  if (whole.success) return whole.data;
  const defaults: SectionData = configSectionDefaults(section);
  const source = isRecord(stored) ? stored : {};
  const result: SectionData = {};
  for (const [key, field] of Object.entries(schemaOf.shape)) {
    const parsed = z.safeParse(field, source[key]);
    result[key] = parsed.success ? parsed.data : defaults[key];
  }
  return result;
}

type SectionRow = typeof schema.configSections.$inferSelect;

export function toSectionState(
  section: ConfigSectionName,
  row: SectionRow | undefined,
): ConfigSectionState {
  if (!row || row.version === 0) {
    return {
      section,
      version: 0,
      data: configSectionDefaults(section),
      updatedAt: null,
      updatedBy: null,
    };
  }
  return {
    section,
    version: row.version,
    data: normalizeSectionData(section, row.data),
    updatedAt: row.updatedAt,
    updatedBy: row.updatedBy,
  };
}

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
