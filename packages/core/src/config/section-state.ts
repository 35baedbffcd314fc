import { type schema } from "@guildhall/db";
import { z } from "zod";
import { configSectionDefaults, configSectionSchemas, type ConfigSectionName } from "./sections";
function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

type SectionRow = typeof schema.configSections.$inferSelect;

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
