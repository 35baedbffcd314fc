import type { MatrixEntry } from "./callers";
import { hubStaff, signedIn, superAdminOnly } from "./callers";

/** The matrix rows of the instance log and feature toggles. */
export const instanceAuditFeaturesRows: Record<string, MatrixEntry> = {
  // The instance log (rows of no hub): super admins only, never through application tokens.
  "audit.listInstance": {
    input: { action: "hub.create" },
    badInput: { limit: 0 },
    outcomes: superAdminOnly(),
  },
  "audit.exportInstance": {
    input: { action: "feature.create" },
    badInput: { from: "not a date" },
    outcomes: superAdminOnly(),
  },
  "features.catalogue.list": { input: undefined, badInput: "x", outcomes: superAdminOnly() },
  "features.catalogue.create": {
    input: { key: "matrix.feature", name: "Matrix" },
    badInput: { key: "Not A Key!", name: "" },
    outcomes: superAdminOnly(),
  },
  "features.catalogue.update": {
    input: { featureKey: "no.such.feature", name: "Renamed" },
    badInput: { featureKey: "no.such.feature", name: "" },
    outcomes: superAdminOnly("FEATURE_NOT_FOUND"),
  },
  "features.catalogue.delete": {
    input: { featureKey: "no.such.feature" },
    badInput: { featureKey: "-" },
    outcomes: superAdminOnly("FEATURE_NOT_FOUND"),
  },
  "features.hub.list": {
    input: { hubSlug: "alpha" },
    badInput: { hubSlug: "alpha", unexpected: true },
    outcomes: hubStaff,
  },
  "features.hub.set": {
    input: { hubSlug: "alpha", featureKey: "no.such.feature", enabled: true },
    badInput: {
      hubSlug: "alpha",
      featureKey: "no.such.feature",
      enabled: "yes",
      rolloutPercent: 101,
    },
    outcomes: {
      ...hubStaff,
      moderator: "PERMISSION_DENIED",
      admin: "FEATURE_NOT_FOUND",
      owner: "FEATURE_NOT_FOUND",
      superAdmin: "FEATURE_NOT_FOUND",
    },
  },
  "features.mine": {
    input: { hubSlug: "alpha" },
    badInput: { hubSlug: "alpha", unexpected: true },
    outcomes: { ...signedIn, otherHub: "HUB_NOT_FOUND" },
  },
};
