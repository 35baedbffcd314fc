import { type AppError, type ErrorCode } from "@guildhall/core/errors";
import { getHubBySlug } from "@guildhall/core/hubs";
import { addMember } from "@guildhall/core/members";
import { busFor } from "@guildhall/core/realtime";
import { createUser } from "@guildhall/core/users";
import { schema } from "@guildhall/db";
import { TRPCError } from "@trpc/server";
import { asc, eq, inArray, sql } from "drizzle-orm";
import { expect } from "vitest";
import { createCaller, createContext, describeError } from "../../src";
import type { useWorld } from "./world";

type Fixture = ReturnType<typeof useWorld>;
export type Caller = ReturnType<typeof createCaller>;

/** The outcome of a call: "ok" or the error code (the AppError kept for its params). */
export async function outcome(promise: Promise<unknown>): Promise<ErrorCode | "ok"> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    expect(error).toBeInstanceOf(TRPCError);
    return describeError(error as TRPCError, "en", null).code;
  }
}

/** The error a call fails with, as clients see it, plus the AppError behind it. */
export async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(TRPCError);
    return {
      ...describeError(error as TRPCError, "en", null),
      cause: (error as TRPCError).cause as AppError,
    };
  }
  throw new Error("expected the call to fail");
}

/** Helpers over the world for ticket tests. */
export function ticketKit(fixture: Fixture) {
  let counter = 0;
  const db = () => fixture.db.db;

  async function hubId(slug = "alpha") {
    const hub = await getHubBySlug(db(), slug);
    if (!hub) throw new Error(`no hub ${slug}`);
    return hub.id;
  }

  function callerFor(user: { id: string; username: string }): Caller {
    const principal = {
      ...fixture.world.principals.member,
      userId: user.id,
      username: user.username,
    };
    return createCaller(
      createContext({
        db: db(),
        dbKind: fixture.db.kind,
        headers: new Headers(),
        principal,
        bus: busFor(fixture.db),
      }),
    );
  }

  /** A fresh member of a hub (so cooldowns of one test do not reach another). */
  async function newMember(slug = "alpha", roleKey?: string) {
    const user = await createUser(db(), { username: `ticketuser${++counter}` });
    await addMember(db(), { hubId: await hubId(slug), userId: user.id, roleKey });
    return { user, caller: callerFor(user) };
  }

  function open(
    caller: Caller,
    fields: Partial<{ subject: string; description: string; category: string }> = {},
  ) {
    return caller.tickets.create({
      hubSlug: "alpha",
      subject: fields.subject ?? "Cannot join the event",
      description: fields.description ?? "The join button does nothing when I press it.",
      category: fields.category ?? "Support",
    });
  }

  /** Moves a user's tickets back in time, past the create cooldown. */
  async function age(userId: string, minutes = 61) {
    await db()
      .update(schema.tickets)
      .set({ createdAt: sql`${schema.tickets.createdAt} - make_interval(mins => ${minutes})` })
      .where(eq(schema.tickets.createdBy, userId));
  }

  /** Events of streams, in order per stream. */
  async function events(...streams: string[]) {
    return db()
      .select()
      .from(schema.realtimeEvents)
      .where(inArray(schema.realtimeEvents.stream, streams))
      .orderBy(asc(schema.realtimeEvents.stream), asc(schema.realtimeEvents.seq));
  }

  async function eventCount() {
    const [row] = await db()
      .select({ n: sql<number>`count(*)::int` })
      .from(schema.realtimeEvents);
    return row!.n;
  }

  async function audit(action: string, targetId: string) {
    const rows = await db()
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.targetId, targetId));
    return rows.filter((row) => row.action === action);
  }

  return { hubId, callerFor, newMember, open, age, events, eventCount, audit };
}
