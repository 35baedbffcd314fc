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

/** The audit fields every hub write shares. */
export function auditBase(actor: HubActor) {
  return {
    hubId: actor.hubId,
    actorId: actor.userId,
    ip: actor.ip ?? null,
    requestId: actor.requestId ?? null,
  };
}
