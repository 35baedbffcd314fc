import { z } from "zod";

/** A feature's permanent key, as code names it: lowercase words joined by ".", "-" or "_". */
export const featureKey = z
  .string()
  .trim()
  .min(2)
  .max(64)
  .regex(/^[a-z][a-z0-9]*(?:[._-][a-z0-9]+)*$/);

export const featureName = z.string().trim().min(1).max(64);
export const featureDescription = z.string().trim().max(500);

export const catalogueFeature = z
  .object({
    key: z.string(),
    name: z.string(),
    description: z.string(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: "Feature" });

export const catalogueEntry = catalogueFeature
  .extend({ enabledHubs: z.number().int() })
  .meta({ id: "FeatureCatalogueEntry" });

/** The hub's setting; `userIds` named here always get the feature, past the rollout. */
export const featureSetting = z.object({
  enabled: z.boolean(),
  rolloutPercent: z.number().int().min(0).max(100).default(100),
  roleIds: z.array(z.uuid()).max(50).default([]),
  userIds: z.array(z.uuid()).max(500).default([]),
});

export const hubFeature = z
  .object({
    key: z.string(),
    name: z.string(),
    description: z.string(),
    /** False while the hub never set the feature up (then it is off). */
    configured: z.boolean(),
    enabled: z.boolean(),
    rolloutPercent: z.number().int(),
    roleIds: z.array(z.uuid()),
    userIds: z.array(z.uuid()),
    updatedAt: z.date().nullable(),
  })
  .meta({ id: "HubFeature" });

export const hubFeatureList = z.object({
  items: z.array(hubFeature),
  /** The hub's roles, highest first, to show and choose role targeting. */
  roles: z.array(
    z.object({ id: z.uuid(), key: z.string(), name: z.string(), position: z.number().int() }),
  ),
  /** Names of the users the items target. */
  users: z.array(z.object({ id: z.uuid(), username: z.string() })),
});
