import { z } from "zod";
import { hubSlug } from "../hubs/hub.types";

export const siteName = z.string().trim().min(1).max(64);
export const siteDescription = z.string().trim().max(500);

/** Path parameters of one site. */
export const siteRef = z.object({ hubSlug, siteId: z.uuid() });

export const site = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: "Site" });

export const siteSummary = site
  .extend({ userCount: z.number().int(), streamCount: z.number().int() })
  .meta({ id: "SiteSummary" });

/** A user assigned to a site: the user's own `id`, as on every object with a `username`. */
export const siteUser = z
  .object({
    id: z.uuid(),
    username: z.string(),
    displayName: z.string().nullable(),
    addedAt: z.date(),
  })
  .meta({ id: "SiteUser" });

export const siteDetail = site
  .extend({ users: z.array(siteUser), streamCount: z.number().int() })
  .meta({ id: "SiteDetail" });

export const listSitesInput = z.object({
  hubSlug,
  cursor: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const listSitesOutput = z.object({
  items: z.array(siteSummary),
  nextCursor: z.uuid().nullable(),
});

export const createSiteInput = z.object({
  hubSlug,
  name: siteName,
  description: siteDescription.optional(),
  /** Members of the hub to assign right away. */
  userIds: z.array(z.uuid()).max(100).optional(),
});

export const updateSiteInput = siteRef.extend({
  name: siteName.optional(),
  description: siteDescription.optional(),
});

export const siteUserRef = siteRef.extend({ userId: z.uuid() });
