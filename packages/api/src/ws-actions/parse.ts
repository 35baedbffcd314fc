import { AppError } from "@guildhall/core/errors";
import type { ActionId } from "./frames";

/** An incoming frame that is an object with a string `action`. */
export interface ActionFrame {
  action: string;
  id: ActionId | null;
  input: unknown;
  /** The whole message (auth reads `token`). */
  message: Record<string, unknown>;
}

export type ParsedFrame =
  | { ok: true; frame: ActionFrame }
  | { ok: false; action: string | null; id: ActionId | null; error: AppError };

const MAX_ID_LENGTH = 128;

function validId(value: unknown): value is ActionId {
  return (
    (typeof value === "string" && value.length > 0 && value.length <= MAX_ID_LENGTH) ||
    (typeof value === "number" && Number.isFinite(value))
  );
}

/**
 * One text frame as an action: JSON, an object, a string `action`, and an
 * optional `id` (a non-empty string up to 128 characters, or a finite
 * number). Anything else is VALIDATION_FAILED naming `action` (or `id`), so a
 * client sees which part of its frame was wrong.
 */
export function parseFrame(text: string): ParsedFrame {
  let message: unknown;
  try {
    message = JSON.parse(text);
  } catch {
    const error = new AppError(
      "VALIDATION_FAILED",
      {},
      {
        fieldErrors: { action: ["validation.invalid"] },
      },
    );
    return { ok: false, action: null, id: null, error };
  }
  if (typeof message !== "object" || message === null || Array.isArray(message)) {
    const error = new AppError(
      "VALIDATION_FAILED",
      {},
      {
        fieldErrors: { action: ["validation.required"] },
      },
    );
    return { ok: false, action: null, id: null, error };
  }
  const record = message as Record<string, unknown>;
  const action = typeof record.action === "string" ? record.action : null;
  const id = validId(record.id) ? record.id : null;
  if (action === null) {
    const error = new AppError(
      "VALIDATION_FAILED",
      {},
      {
        fieldErrors: {
          action: [record.action === undefined ? "validation.required" : "validation.invalid"],
        },
      },
    );
    return { ok: false, action: null, id, error };
  }
  if (record.id !== undefined && record.id !== null && id === null) {
    const error = new AppError(
      "VALIDATION_FAILED",
      {},
      { fieldErrors: { id: ["validation.invalid"] } },
    );
    return { ok: false, action, id: null, error };
  }
  return { ok: true, frame: { action, id, input: record.input, message: record } };
}
