import { TRPCError } from "@trpc/server";
import { expect } from "vitest";
import { appRouter, describeError } from "../../src";
import type { Outcome } from "../authorization-matrix";

const procedures = appRouter._def.procedures as unknown as Record<
  string,
  { _def: { type: "query" | "mutation" | "subscription" } }
>;

/**
 * Calls a procedure of `caller` by its dotted path; for subscriptions, waits for
 * the first event. Answers "ok" with the result (or first event), or the error's code.
 */
export async function callProcedure(
  caller: object,
  path: string,
  input: unknown,
): Promise<{ outcome: Outcome; result: unknown }> {
  const fn = path
    .split(".")
    .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (
    input: unknown,
  ) => Promise<unknown>;
  try {
    let result = await fn(input);
    if (procedures[path]!._def.type === "subscription") {
      const iterator = (result as AsyncIterable<unknown>)[Symbol.asyncIterator]();
      result = (await iterator.next()).value;
      await iterator.return?.();
    }
    return { outcome: "ok", result };
  } catch (error) {
    expect(error).toBeInstanceOf(TRPCError);
    return { outcome: describeError(error as TRPCError, "en", null).code, result: undefined };
  }
}
