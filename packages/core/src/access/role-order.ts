import { AppError } from "../errors";
import type { HubActor } from "./actor";

/** Roles at or above your own highest are out of reach (for granting, editing, removing). */
export function assertRoleBelow(actor: HubActor, position: number): void {
  if (!actor.superAdmin && position >= actor.highest) throw new AppError("ROLE_TOO_HIGH");
}

/** Members whose highest role is at or above yours are out of reach (dismiss, ban, roles). */
export function assertMemberBelow(actor: HubActor, targetHighest: number): void {
  if (!actor.superAdmin && targetHighest >= actor.highest) throw new AppError("MEMBER_TOO_HIGH");
}
