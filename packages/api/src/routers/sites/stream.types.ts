import { z } from "zod";
import { hubSlug } from "../hubs/hub.types";
import { site, siteRef } from "./site.types";

/** Camera and media protocols a detector can read. */
const videoProtocols = /^(https?|rtsps?|rtmps?|rtp|srt|udp)$/;

/** Flag names like the seed's (`detect_in_restricted_area`), on or off. */
export const detectionFlags = z
  .record(z.string().regex(/^[a-z][a-z0-9_]{0,63}$/), z.boolean())
  .refine((flags) => Object.keys(flags).length <= 32, { message: "at most 32 flags" });

/** The editable fields of a stream configuration; unset fields take their defaults. */
const streamFields = z.object({
  name: z.string().trim().min(1).max(64),
  videoUrl: z.url({ protocol: videoProtocols }).max(2048),
  modelKey: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/),
  detection: detectionFlags.optional(),
  /** Working hours within one day (start 0-23, end 1-24, end after start); default 7-18. */
  workStartHour: z.number().int().min(0).max(23).optional(),
  workEndHour: z.number().int().min(1).max(24).optional(),
  /** After this moment the stream is no longer processed; null = never. */
  expiresAt: z.coerce.date().nullable().optional(),
  storeVideo: z.boolean().optional(),
  storeDetections: z.boolean().optional(),
});

export const streamRef = siteRef.extend({ streamId: z.uuid() });
export const createStreamInput = siteRef.extend(streamFields.shape);
export const updateStreamInput = streamRef.extend(streamFields.partial().shape);

export const stream = z
  .object({
    id: z.uuid(),
    siteId: z.uuid(),
    name: z.string(),
    videoUrl: z.string(),
    modelKey: z.string(),
    detection: z.record(z.string(), z.boolean()),
    workStartHour: z.number().int(),
    workEndHour: z.number().int(),
    expiresAt: z.date().nullable(),
    storeVideo: z.boolean(),
    storeDetections: z.boolean(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: "Stream" });

export const streamUsage = z
  .object({ used: z.number().int(), limit: z.number().int() })
  .meta({ id: "StreamUsage" });

export const mySite = site.extend({ streams: z.array(stream) }).meta({ id: "MySite" });

/** Procedures that name only the hub; unknown fields are refused. */
export const hubOnlyInput = z.object({ hubSlug }).strict();
