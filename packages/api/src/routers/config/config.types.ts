import {
  configSectionName,
  configSectionSchemas,
  isConfigSectionName,
} from "@guildhall/core/config";
import { z } from "zod";
import { int32 } from "../../input-rules";
import { hubSlug } from "../hubs/hub.types";

export const sectionInput = z.object({ hubSlug, section: configSectionName });

const sectionData = z
  .record(z.string(), z.unknown())
  .describe("The section's fields (see the section schemas; snake_case names as in seed 004)");

export const configSection = z
  .object({
    section: configSectionName,
    version: z.number().int().describe("0 while the section was never saved (its defaults)"),
    data: sectionData,
    updatedAt: z.date().nullable(),
    updatedBy: z.uuid().nullable(),
  })
  .meta({ id: "ConfigSection" });

export const configWriteResult = configSection
  .extend({ changed: z.boolean().describe("False when the data equalled the live data") })
  .meta({ id: "ConfigWriteResult" });

export const baseVersion = int32(0)
  .optional()
  .describe("The version you edited; if another is live now the answer is CONFLICT");

/**
 * Fields to change in one section (the others keep their value). Checked here
 * against the section's schema, so errors name the field (`data.<field>`) with
 * the schema's limits in the message.
 */
export const updateSectionInput = sectionInput
  .extend({
    data: z
      .record(z.string(), z.unknown())
      .describe("Fields to change (snake_case, as in seed 004); fields left out keep their value"),
    baseVersion,
  })
  .superRefine((input, ctx) => {
    if (!isConfigSectionName(input.section)) return;
    const result = configSectionSchemas[input.section].strict().safeParse(input.data);
    if (result.success) return;
    for (const issue of result.error.issues) {
      ctx.addIssue({ ...issue, path: ["data", ...issue.path] });
    }
  });

export const configVersion = z
  .object({
    version: z.number().int(),
    data: sectionData,
    diff: z
      .record(z.string(), z.object({ from: z.unknown(), to: z.unknown() }))
      .describe("The fields this version changed"),
    actor: z.object({ id: z.uuid(), username: z.string() }).nullable(),
    createdAt: z.date(),
  })
  .meta({ id: "ConfigVersion" });

/** Several sections at once: `{ sections: { tickets: { enabled: false }, … } }`. */
export const updateConfigInput = z
  .object({
    hubSlug,
    sections: z
      .partialRecord(configSectionName, z.record(z.string(), z.unknown()))
      .describe("Per section, the fields to change; sections and fields left out keep their value"),
  })
  .superRefine((input, ctx) => {
    for (const [section, data] of Object.entries(input.sections)) {
      if (!isConfigSectionName(section) || !data) continue;
      const result = configSectionSchemas[section].strict().safeParse(data);
      if (result.success) continue;
      for (const issue of result.error.issues) {
        ctx.addIssue({ ...issue, path: ["sections", section, ...issue.path] });
      }
    }
  });
