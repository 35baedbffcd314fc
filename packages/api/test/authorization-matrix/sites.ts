import type { MatrixEntry } from "./callers";
import { hubPermission, hubStaff, nobody } from "./callers";

/** The matrix rows of sites and streams. */
export const sitesRows: Record<string, MatrixEntry> = {
  // sites and streams (seed 001): moderators read, admins and owners manage; `nobody` is no site.
  "sites.list": {
    input: { hubSlug: "alpha" },
    badInput: { hubSlug: "alpha", limit: 0 },
    outcomes: hubPermission("moderator"),
  },
  "sites.get": {
    input: { hubSlug: "alpha", siteId: nobody },
    badInput: { hubSlug: "alpha", siteId: "x" },
    outcomes: hubPermission("moderator", "SITE_NOT_FOUND"),
  },
  "sites.create": {
    // A user who is no member of the hub is refused (and nothing is created).
    input: { hubSlug: "alpha", name: "Matrix site", userIds: [nobody] },
    badInput: { hubSlug: "alpha", name: "" },
    outcomes: hubPermission("admin", "NOT_A_MEMBER"),
  },
  "sites.update": {
    input: { hubSlug: "alpha", siteId: nobody, name: "Renamed" },
    badInput: { hubSlug: "alpha", siteId: nobody, name: "x".repeat(65) },
    outcomes: hubPermission("admin", "SITE_NOT_FOUND"),
  },
  "sites.delete": {
    input: { hubSlug: "alpha", siteId: nobody },
    badInput: { hubSlug: "alpha", siteId: 1 },
    outcomes: hubPermission("admin", "SITE_NOT_FOUND"),
  },
  "sites.addUser": {
    input: { hubSlug: "alpha", siteId: nobody, userId: nobody },
    badInput: { hubSlug: "alpha", siteId: nobody, userId: "me" },
    outcomes: hubPermission("admin", "SITE_NOT_FOUND"),
  },
  "sites.removeUser": {
    input: { hubSlug: "alpha", siteId: nobody, userId: nobody },
    badInput: { hubSlug: "alpha", siteId: "x", userId: nobody },
    outcomes: hubPermission("admin", "SITE_NOT_FOUND"),
  },
  "sites.listMine": {
    input: { hubSlug: "alpha" },
    badInput: { hubSlug: "alpha", unexpected: true },
    outcomes: hubPermission("guest"),
  },
  "sites.streams.list": {
    input: { hubSlug: "alpha", siteId: nobody },
    badInput: { hubSlug: "alpha", siteId: "x" },
    outcomes: hubPermission("moderator", "SITE_NOT_FOUND"),
  },
  "sites.streams.create": {
    input: {
      hubSlug: "alpha",
      siteId: nobody,
      name: "Gate",
      videoUrl: "rtsp://camera.example.test/gate",
      modelKey: "yolo11n",
    },
    badInput: {
      hubSlug: "alpha",
      siteId: nobody,
      name: "Gate",
      videoUrl: "file:///etc/passwd",
      modelKey: "yolo11n",
      workStartHour: 24,
    },
    outcomes: hubPermission("admin", "SITE_NOT_FOUND"),
  },
  "sites.streams.update": {
    input: { hubSlug: "alpha", siteId: nobody, streamId: nobody, storeVideo: true },
    badInput: { hubSlug: "alpha", siteId: nobody, streamId: nobody, detection: { "Bad Key": 1 } },
    outcomes: hubPermission("admin", "STREAM_NOT_FOUND"),
  },
  "sites.streams.delete": {
    input: { hubSlug: "alpha", siteId: nobody, streamId: nobody },
    badInput: { hubSlug: "alpha", siteId: nobody, streamId: "1" },
    outcomes: hubPermission("admin", "STREAM_NOT_FOUND"),
  },
  "sites.streams.limit": {
    input: { hubSlug: "alpha" },
    badInput: { hubSlug: "alpha", unexpected: true },
    outcomes: hubPermission("moderator"),
  },
  "audit.export": {
    input: { hubSlug: "alpha", action: "hub.create" },
    badInput: { hubSlug: "alpha", from: "not a date" },
    outcomes: { ...hubStaff, moderator: "PERMISSION_DENIED" },
  },
};
