import { AppError } from "../errors";

/** Who acts in a hub: their top role position and permissions (from the hub middleware). */
export interface HubActor {
  hubId: string;
  userId: string;
  superAdmin: boolean;
  /** Position of the actor's highest role; super admins rank above every role. */
  highest: number;
  permissions: ReadonlySet<string>;
  ip?: string | null;
  requestId?: string | null;
}

/** Roles at or above your own highest are out of reach (for granting, editing, removing). */
export function assertRoleBelow(actor: HubActor, position: number): void {
  if (!actor.superAdmin && position >= actor.highest) throw new AppError("ROLE_TOO_HIGH");
}

/** Members whose highest role is at or above yours are out of reach (dismiss, ban, roles). */
export function assertMemberBelow(actor: HubActor, targetHighest: number): void {
  if (!actor.superAdmin && targetHighest >= actor.highest) throw new AppError("MEMBER_TOO_HIGH");
}

/** The audit fields every hub write shares. */
export function auditBase(actor: HubActor) {
  return {
    hubId: actor.hubId,
    actorId: actor.userId,
    ip: actor.ip ?? null,
    requestId: actor.requestId ?? null,
  };
}
