import type { MatrixEntry } from "./callers";
import { hubStaff } from "./callers";

/** The matrix rows of configuration. */
export const configRows: Record<string, MatrixEntry> = {
  // configuration: moderators read, admins and owners change (config.update).
  "config.get": {
    input: { hubSlug: "alpha" },
    badInput: { hubSlug: "alpha", unexpected: true },
    outcomes: hubStaff,
  },
  "config.update": {
    input: { hubSlug: "alpha", sections: { tickets: { max_open_per_user: 4 } } },
    badInput: { hubSlug: "alpha", sections: { tickets: { max_open_per_user: "four" } } },
    outcomes: { ...hubStaff, moderator: "PERMISSION_DENIED" },
  },
  "config.getSection": {
    input: { hubSlug: "alpha", section: "tickets" },
    badInput: { hubSlug: "alpha", section: "nope" },
    outcomes: hubStaff,
  },
  "config.listVersions": {
    input: { hubSlug: "alpha", section: "general" },
    badInput: { hubSlug: "alpha", section: "general", limit: 0 },
    outcomes: hubStaff,
  },
  "config.updateSection": {
    input: { hubSlug: "alpha", section: "general", data: { bot_name: "Matrix" } },
    badInput: { hubSlug: "alpha", section: "general", data: { message_cooldown: -1 } },
    outcomes: { ...hubStaff, moderator: "PERMISSION_DENIED" },
  },
  "config.resetSection": {
    input: { hubSlug: "alpha", section: "welcome" },
    badInput: { hubSlug: "alpha", section: "welcome", baseVersion: -1 },
    outcomes: { ...hubStaff, moderator: "PERMISSION_DENIED" },
  },
  "config.restoreVersion": {
    input: { hubSlug: "alpha", section: "general", version: 9999 },
    badInput: { hubSlug: "alpha", section: "general", version: 0 },
    outcomes: {
      ...hubStaff,
      moderator: "PERMISSION_DENIED",
      admin: "CONFIG_VERSION_NOT_FOUND",
      owner: "CONFIG_VERSION_NOT_FOUND",
      superAdmin: "CONFIG_VERSION_NOT_FOUND",
    },
  },
  "config.reload": {
    input: { hubSlug: "alpha" },
    badInput: { hubSlug: "alpha", unexpected: true },
    outcomes: { ...hubStaff, moderator: "PERMISSION_DENIED" },
  },
};
