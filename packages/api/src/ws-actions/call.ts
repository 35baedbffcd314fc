import { callTRPCProcedure } from "@trpc/server";
import type { Context } from "../context";
import { appRouter } from "../root";
import { refusal } from "./errors";
import { errorFrame, okFrame, type ActionId } from "./frames";

export interface CallRequest {
  path: string;
  kind: "query" | "mutation";
  id: ActionId | null;
  /** Plain JSON (no superjson): what the procedure's input schema parses, as REST bodies are. */
  input: unknown;
  /** Aborted when the socket closes. */
  signal: AbortSignal;
}

/**
 * A query or mutation of the app router, run through its whole middleware
 * chain exactly as over tRPC (global and own rate limits, input guard,
 * authentication, permission, feature toggles, audit inside the handler),
 * answered as one frame: the output as plain JSON (Dates as ISO strings), or
 * the error in the REST shape. A refusal no procedure counted still costs the
 * global bucket (see `refusal`).
 */
export async function callAction(ctx: Context, request: CallRequest): Promise<string> {
  const { path, kind, id, input, signal } = request;
  try {
    const data: unknown = await callTRPCProcedure({
      router: appRouter,
      path,
      getRawInput: () => Promise.resolve(input),
      ctx,
      type: kind,
      signal,
      batchIndex: 0,
    });
    // Serialized here, so an output JSON cannot carry fails as this action, not the socket.
    return okFrame(path, id, data ?? null);
  } catch (cause) {
    return errorFrame(path, id, await refusal(ctx, cause));
  }
}
