import { AppError, type FieldErrors } from "@guildhall/core";
import { TRPCError } from "@trpc/server";
import { restFailure } from "./rest-errors";

/** A VALIDATION_FAILED in the REST shape, naming the fields, before any procedure ran. */
function refusal(req: Request, fieldErrors: FieldErrors): Response {
  const cause = new AppError("VALIDATION_FAILED", {}, { fieldErrors });
  const { status, body } = restFailure(req.headers, new TRPCError({ code: "BAD_REQUEST", cause }));
  return Response.json(body, { status });
}

/**
 * The REST adapter collects query parameters on a plain object, where names
 * like `constructor` or `__proto__` already exist (and then crash it). No
 * operation has such a parameter: they are refused, named.
 */
export function reservedQueryKeys(req: Request): Response | null {
  const names = [...new URL(req.url).searchParams.keys()].filter(
    (name) => name in Object.prototype,
  );
  if (!names.length) return null;
  return refusal(req, Object.fromEntries(names.map((name) => [name, ["validation.invalid"]])));
}

/** Methods whose REST operations take their input from a JSON body. */
const BODY_METHODS = new Set(["POST", "PUT", "PATCH"]);

/**
 * The REST adapter spreads the body into the input (`{ ...body, ...path }`),
 * so an array or a string would arrive as an object of indexes. A body must
 * be a JSON object; an empty one stands for `{}` (actions like `…/archive`
 * need no body), and text that is no JSON is left to the adapter (400).
 * Answers the request to hand on, or the refusal.
 */
export async function objectBody(req: Request): Promise<Request | Response> {
  if (!BODY_METHODS.has(req.method)) return req;
  const text = await req.text();
  const empty = text.trim() === "";
  if (!empty && (req.headers.get("content-type") ?? "").startsWith("application/json")) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      value = {}; // not JSON: the adapter answers it
    }
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      const cause = new AppError(
        "VALIDATION_FAILED",
        {},
        { fieldErrors: { _: ["errors.bodyNotObject"] } },
      );
      const { status, body } = restFailure(
        req.headers,
        new TRPCError({ code: "BAD_REQUEST", cause }),
      );
      return Response.json(body, { status });
    }
  }
  const headers = new Headers(req.headers);
  if (empty) headers.set("content-type", "application/json");
  return new Request(req.url, {
    method: req.method,
    headers,
    body: empty ? "{}" : text,
    signal: req.signal,
  });
}
