import { errorCodes, type ErrorCode } from "@guildhall/core/errors";
import type { ReferenceObject, ResponseObject, SchemaObject } from "openapi3-ts/oas31";

/** The one error body schema (the REST route shapes every failure to it). */
export const errorSchema: SchemaObject = {
  type: "object",
  required: ["code", "message", "fieldErrors", "requestId"],
  properties: {
    code: { $ref: "#/components/schemas/ErrorCode" },
    message: { type: "string", description: "In the caller's language (Accept-Language)" },
    fieldErrors: {
      type: "object",
      description: "Messages per field path (dot-joined) for invalid input",
      additionalProperties: { type: "array", items: { type: "string" } },
    },
    requestId: { type: ["string", "null"], description: "Also in the x-request-id header" },
  },
  additionalProperties: true,
  description:
    "Every failure. Some codes add machine-readable fields beside these (e.g. `retry_after` and `global` with RATE_LIMITED).",
};

export const errorCodeSchema: SchemaObject = {
  type: "string",
  enum: Object.keys(errorCodes),
  description: "Every stable error code (docs/api/errors-and-limits.md)",
};

const headerRef = (name: string): ReferenceObject => ({ $ref: `#/components/headers/${name}` });

/** Headers every answer carries, and the ones a refusal by a bucket adds. */
export const responseHeaders = {
  RequestId: {
    description: "This request's id, also in error bodies and the server's log",
    schema: { type: "string" },
  },
  RateLimitLimit: {
    description: "Calls the bucket allows per window",
    schema: { type: "integer" },
  },
  RateLimitRemaining: {
    description: "Calls left in the window",
    schema: { type: "integer" },
  },
  RateLimitReset: {
    description: "When the window resets (Unix time, seconds)",
    schema: { type: "integer" },
  },
  RateLimitResetAfter: {
    description: "Seconds until the window resets",
    schema: { type: "number" },
  },
  RateLimitBucket: {
    description: "The bucket counted: `global`, or the operation's own",
    schema: { type: "string" },
  },
  RetryAfter: {
    description: "Seconds to wait before trying again",
    schema: { type: "integer" },
  },
} satisfies Record<string, { description: string; schema: SchemaObject }>;

export const commonHeaders = {
  "x-request-id": headerRef("RequestId"),
  "X-RateLimit-Limit": headerRef("RateLimitLimit"),
  "X-RateLimit-Remaining": headerRef("RateLimitRemaining"),
  "X-RateLimit-Reset": headerRef("RateLimitReset"),
  "X-RateLimit-Reset-After": headerRef("RateLimitResetAfter"),
  "X-RateLimit-Bucket": headerRef("RateLimitBucket"),
};

const statusText: Record<number, string> = {
  400: "The input was refused",
  401: "No valid credentials",
  403: "Not allowed",
  404: "Not found",
  405: "Method not supported",
  408: "Timed out",
  409: "Conflicts with the current state",
  413: "The body is too large",
  415: "Unsupported media type",
  429: "Too many requests",
  500: "Went wrong on our side",
  503: "Temporarily unavailable",
};

/** The error responses for `codes`, one per HTTP status, each listing its codes. */
export function errorResponses(codes: Iterable<ErrorCode>): Record<string, ResponseObject> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of new Set(codes)) {
    const status = errorCodes[code].http;
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  const out: Record<string, ResponseObject> = {};
  for (const status of [...byStatus.keys()].sort((a, b) => a - b)) {
    const list = byStatus.get(status)!.sort();
    out[String(status)] = {
      description: `${statusText[status] ?? "Error"}: ${list.map((c) => `\`${c}\``).join(", ")}`,
      headers:
        status === 429 || status === 503
          ? { ...commonHeaders, "Retry-After": headerRef("RetryAfter") }
          : commonHeaders,
      content: {
        "application/json": {
          schema: {
            allOf: [
              { $ref: "#/components/schemas/Error" },
              { type: "object", properties: { code: { type: "string", enum: list } } },
            ],
          },
        },
      },
    };
  }
  return out;
}
