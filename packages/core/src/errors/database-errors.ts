import { AppError } from "./app-error";

/** The fields of a Postgres error that postgres.js and PGlite both report (under two spellings). */
interface PgErrorFields {
  code?: string;
  detail?: string;
  column?: string;
  column_name?: string;
}

/** The Postgres error inside `error` (raw, or wrapped by Drizzle in `cause`), or null. */
function pgError(error: unknown): PgErrorFields | null {
  for (let candidate = error, depth = 0; candidate && depth < 3; depth++) {
    const e = candidate as PgErrorFields & { cause?: unknown };
    if (typeof e.code === "string" && /^[0-9A-Z]{5}$/.test(e.code)) return e;
    candidate = e.cause;
  }
  return null;
}

type ErrorOptions = ConstructorParameters<typeof AppError>[2];

/**
 * A thing that a foreign key pointed at but did not find (`value` in `table`),
 * as its resource's own not-found code (the bare NOT_FOUND is for unknown
 * routes only); null for a table no foreign key of ours points at.
 */
function missingRow(table: string, value: string, options: ErrorOptions): AppError | null {
  switch (table) {
    case "users":
      return new AppError("USER_NOT_FOUND", {}, options);
    case "hubs":
      return new AppError("HUB_NOT_FOUND", { hub: value }, options);
    case "hub_roles":
      return new AppError("ROLE_NOT_FOUND", {}, options);
    case "sites":
      return new AppError("SITE_NOT_FOUND", {}, options);
    case "tickets":
      return new AppError("TICKET_NOT_FOUND", {}, options);
    case "auth_sessions":
      return new AppError("SESSION_NOT_FOUND", {}, options);
    case "features":
      return new AppError("FEATURE_NOT_FOUND", { feature: value }, options);
    case "private_chats":
      return new AppError("CHAT_NOT_FOUND", {}, options);
    case "private_messages":
      return new AppError("CHAT_MESSAGE_NOT_FOUND", {}, options);
    default:
      return null;
  }
}

const camel = (column: string) => column.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/**
 * The client fault a database error stands for, as the AppError to answer, or
 * null when it is none (a server fault: answered INTERNAL and logged). It is
 * the backstop behind validation: inputs are bounded by their schemas, and
 * rules check what they can, but a constraint is the final word.
 * - 23505 unique violation: CONFLICT (409);
 * - 23503 foreign key violation: the referenced thing was not found (404),
 *   named by its table (USER_NOT_FOUND, …), with the failing field (a table
 *   we cannot name: CONFLICT);
 * - class 22 data exceptions (a value out of the column's range, bad text
 *   for its type, NUL bytes, …), 23502 not null and 23514 check violations:
 *   VALIDATION_FAILED (400).
 */
export function clientFaultFromDatabase(error: unknown): AppError | null {
  const pg = pgError(error);
  if (!pg?.code) return null;
  if (pg.code === "23505") return new AppError("CONFLICT", {}, { cause: error });
  if (pg.code === "23503") {
    // "Key (target_user_id)=(…) is not present in table "users"."
    const match = /^Key \(([a-z0-9_]+)\)=\((.*)\) is not present in table "([a-z0-9_]+)"/.exec(
      pg.detail ?? "",
    );
    const missing = match
      ? missingRow(match[3]!, match[2]!, {
          cause: error,
          fieldErrors: { [camel(match[1]!)]: ["errors.notFound"] },
        })
      : null;
    return missing ?? new AppError("CONFLICT", {}, { cause: error });
  }
  if (pg.code.startsWith("22") || pg.code === "23502" || pg.code === "23514") {
    const column = pg.column ?? pg.column_name;
    return new AppError(
      "VALIDATION_FAILED",
      {},
      {
        cause: error,
        ...(column ? { fieldErrors: { [camel(column)]: ["errors.badRequest"] } } : {}),
      },
    );
  }
  return null;
}
