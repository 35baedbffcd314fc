import { AppError, type FieldErrors } from "@guildhall/core/errors";
import { TRPCError } from "@trpc/server";

/** A VALIDATION_FAILED naming the fields, before any procedure ran. */
function refusal(fieldErrors: FieldErrors): TRPCError {
  const cause = new AppError("VALIDATION_FAILED", {}, { fieldErrors });
  return new TRPCError({ code: "BAD_REQUEST", cause });
}

/**
 * The REST adapter collects query parameters on a plain object, where names
 * like `constructor` or `__proto__` already exist (and then crash it). No
 * operation has such a parameter: they are refused, named.
 */
export function reservedQueryKeys(url: URL): TRPCError | null {
  const names = [...url.searchParams.keys()].filter((name) => name in Object.prototype);
  if (!names.length) return null;
  return refusal(Object.fromEntries(names.map((name) => [name, ["validation.invalid"]])));
}

/** Methods whose REST operations take their input from a JSON body. */
const BODY_METHODS: ReadonlySet<string> = new Set(["POST", "PUT", "PATCH"]);

/**
 * The request to hand the REST adapter, built from the body read once
 * (`readBody`), or the refusal. An empty body (none at all, as generated
 * clients send the writes whose document declares no request body, or an
 * empty one under any Content-Type) stands for `{}`. Otherwise the body must
 * be JSON (415 UNSUPPORTED_MEDIA_TYPE) and a JSON object: the adapter spreads
 * it into the input (`{ ...body, ...path }`), so an array or a string would
 * arrive as an object of indexes. GET and DELETE take no body.
 */
export function restRequest(req: Request, body: Buffer<ArrayBuffer>): Request | TRPCError {
  const init = { method: req.method, headers: new Headers(req.headers), signal: req.signal };
  init.headers.delete("content-length");
  if (!BODY_METHODS.has(req.method)) return new Request(req.url, init);
  const text = body.toString("utf8");
  init.headers.set("content-type", "application/json");
  if (text.trim() === "") return new Request(req.url, { ...init, body: "{}" });
  if (!(req.headers.get("content-type") ?? "").startsWith("application/json"))
    return new TRPCError({ code: "UNSUPPORTED_MEDIA_TYPE" });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    return new TRPCError({ code: "PARSE_ERROR", cause });
  }
  if (value === null || typeof value !== "object" || Array.isArray(value))
    return refusal({ _: ["errors.bodyNotObject"] });
  return new Request(req.url, { ...init, body: text });
}
