import { schema, type Database, type DbOrTx } from "@guildhall/db";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import { recordAudit } from "../access";
import { AppError, type FieldErrors } from "../errors";
import type { MessageKey } from "../i18n";
import { diffSectionData } from "./diff";
import { configSectionDefaults, type ConfigSectionName } from "./sections";
import {
  normalizeSectionData,
  sectionSchema,
  toSectionState,
  type ConfigSectionState,
  type SectionData,
} from "./section-state";

/** Who changes a hub's configuration (from the hub middleware). */
export interface ConfigActor {
  hubId: string;
  userId: string | null;
  ip?: string | null;
  requestId?: string | null;
}

export interface ConfigWriteResult extends ConfigSectionState {
  /** False when the write equalled the live data: no version, no audit row. */
  changed: boolean;
}

interface WriteOptions {
  /** The version the caller edited; another one is live now -> CONFLICT. */
  baseVersion?: number;
}

/**
 * Message keys for invalid section data. The API validates the same schema on
 * its input first (with the limits in the messages); this guards direct callers.
 */
function fieldErrorKeys(issues: readonly z.core.$ZodIssue[]): FieldErrors {
  // A Map: paths like "toString" must not meet Object.prototype.
  const errors = new Map<string, MessageKey[]>();
  for (const issue of issues) {
    const key: MessageKey =
      issue.code === "invalid_type" && /received undefined/.test(issue.message)
        ? "validation.required"
        : issue.code === "invalid_value"
          ? "validation.invalidValue"
          : issue.code === "invalid_format" && issue.format === "regex"
            ? "validation.pattern"
            : "validation.invalid";
    const path = issue.path.map(String).join(".") || "_";
    errors.set(path, [...(errors.get(path) ?? []), key]);
  }
  return Object.fromEntries(errors);
}

/** Takes the section's row lock (creating a version-0 row of defaults when none exists yet). */
async function lockSection(tx: DbOrTx, hubId: string, section: ConfigSectionName) {
  await tx
    .insert(schema.configSections)
    .values({ hubId, section, data: configSectionDefaults(section), version: 0 })
    .onConflictDoNothing();
  const [row] = await tx
    .select()
    .from(schema.configSections)
    .where(and(eq(schema.configSections.hubId, hubId), eq(schema.configSections.section, section)))
    .for("update");
  return toSectionState(section, row);
}

/**
 * Saves `next(current)` as the section's next version, with its diff and an
 * audit row, all in one transaction under the section's row lock (a savepoint
 * when `db` is already a transaction).
 */
async function writeSection(
  db: DbOrTx,
  actor: ConfigActor,
  section: ConfigSectionName,
  action: "config.update" | "config.reset" | "config.restore",
  options: WriteOptions,
  next: (current: ConfigSectionState, tx: DbOrTx) => Promise<SectionData> | SectionData,
  extra: Record<string, unknown> = {},
): Promise<ConfigWriteResult> {
  return db.transaction(async (tx) => {
    const current = await lockSection(tx, actor.hubId, section);
    if (options.baseVersion !== undefined && options.baseVersion !== current.version) {
      throw new AppError("CONFLICT");
    }
    const data = await next(current, tx);
    const diff = diffSectionData(current.data, data);
    if (Object.keys(diff).length === 0) return { ...current, changed: false };
    const version = current.version + 1;
    const updatedAt = new Date();
    await tx
      .update(schema.configSections)
      .set({ data, version, updatedBy: actor.userId, updatedAt })
      .where(
        and(
          eq(schema.configSections.hubId, actor.hubId),
          eq(schema.configSections.section, section),
        ),
      );
    await tx
      .insert(schema.configVersions)
      .values({ hubId: actor.hubId, section, version, data, diff, actorId: actor.userId });
    const fields = (side: "from" | "to") =>
      Object.fromEntries(Object.entries(diff).map(([key, change]) => [key, change[side]]));
    await recordAudit(tx, {
      hubId: actor.hubId,
      actorId: actor.userId,
      action,
      targetType: "config",
      targetId: section,
      before: { version: current.version, fields: fields("from") },
      after: { version, fields: fields("to"), ...extra },
      ip: actor.ip ?? null,
      requestId: actor.requestId ?? null,
    });
    return { section, version, data, updatedAt, updatedBy: actor.userId, changed: true };
  });
}

/**
 * Changes the fields present in `patch` (others keep their value). The patch
 * is checked against the section's schema; unknown fields are refused.
 */
export async function updateConfigSection(
  db: Database,
  actor: ConfigActor,
  section: ConfigSectionName,
  patch: Record<string, unknown>,
  options: WriteOptions = {},
): Promise<ConfigWriteResult> {
  const changes = parsePatch(section, patch);
  if ("errors" in changes) {
    throw new AppError("VALIDATION_FAILED", {}, { fieldErrors: changes.errors });
  }
  return writeSection(db, actor, section, "config.update", options, (current) => ({
    ...current.data,
    ...changes.fields,
  }));
}

/**
 * Changes several sections at once (seed 000's `PATCH /config`): each changed
 * section becomes a new version, all in one transaction; one invalid field
 * anywhere and nothing is saved.
 */
export async function updateConfig(
  db: Database,
  actor: ConfigActor,
  patches: Partial<Record<ConfigSectionName, Record<string, unknown>>>,
): Promise<ConfigWriteResult[]> {
  const parsed = (Object.keys(patches) as ConfigSectionName[]).map((section) => ({
    section,
    changes: parsePatch(section, patches[section] ?? {}),
  }));
  const errors: FieldErrors = {};
  for (const { section, changes } of parsed) {
    if (!("errors" in changes)) continue;
    for (const [path, keys] of Object.entries(changes.errors)) errors[`${section}.${path}`] = keys;
  }
  if (Object.keys(errors).length)
    throw new AppError("VALIDATION_FAILED", {}, { fieldErrors: errors });
  return db.transaction(async (tx) => {
    const results: ConfigWriteResult[] = [];
    for (const { section, changes } of parsed) {
      if ("errors" in changes) continue;
      results.push(
        await writeSection(tx, actor, section, "config.update", {}, (current) => ({
          ...current.data,
          ...changes.fields,
        })),
      );
    }
    return results;
  });
}

/**
 * The fields a patch sets, checked against the section's schema. A patch
 * alone must pass the whole (strict) schema: the fields it leaves out take
 * their valid defaults there, and only the fields it names are kept.
 */
function parsePatch(
  section: ConfigSectionName,
  patch: Record<string, unknown>,
): { fields: SectionData } | { errors: FieldErrors } {
  const parsed = sectionSchema(section).strict().safeParse(patch);
  if (!parsed.success) return { errors: fieldErrorKeys(parsed.error.issues) };
  return { fields: Object.fromEntries(Object.keys(patch).map((key) => [key, parsed.data[key]])) };
}

/** Puts every field of the section back to its default, as a new version. */
export async function resetConfigSection(
  db: Database,
  actor: ConfigActor,
  section: ConfigSectionName,
  options: WriteOptions = {},
): Promise<ConfigWriteResult> {
  return writeSection(db, actor, section, "config.reset", options, () =>
    configSectionDefaults(section),
  );
}

/** Makes an earlier version's data live again, as a new version (history is never rewritten). */
export async function restoreConfigVersion(
  db: Database,
  actor: ConfigActor,
  section: ConfigSectionName,
  version: number,
  options: WriteOptions = {},
): Promise<ConfigWriteResult> {
  return writeSection(
    db,
    actor,
    section,
    "config.restore",
    options,
    async (_current, tx) => {
      const [saved] = await tx
        .select({ data: schema.configVersions.data })
        .from(schema.configVersions)
        .where(
          and(
            eq(schema.configVersions.hubId, actor.hubId),
            eq(schema.configVersions.section, section),
            eq(schema.configVersions.version, version),
          ),
        )
        .limit(1);
      if (!saved) throw new AppError("CONFIG_VERSION_NOT_FOUND");
      return normalizeSectionData(section, saved.data);
    },
    { restoredFrom: version },
  );
}
