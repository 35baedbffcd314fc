import type { Permission } from "@guildhall/permissions";
import type { OpenApiMeta } from "trpc-to-openapi";
import type { RateLimitRule } from "./middleware/rate-limit";

/** Who may call a procedure; every procedure declares one (the matrix test checks). */
export type Access =
  | { kind: "public" }
  | { kind: "authed" }
  | { kind: "superAdmin" }
  | { kind: "hub" }
  | { kind: "permission"; permission: Permission };

export type Meta = OpenApiMeta<{
  access?: Access;
  rateLimit?: RateLimitRule;
  /** The largest request body this procedure takes (uploads); others: BODY_LIMIT_BYTES. */
  bodyLimitBytes?: number;
  /** A subscription's title in the OpenAPI document (its plain SSE operation). */
  summary?: string;
  /** A subscription's frame types (`data.type`) and what each means, for the document. */
  events?: Record<string, string>;
}>;
