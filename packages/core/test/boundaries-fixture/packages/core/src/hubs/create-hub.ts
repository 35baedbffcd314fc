// Planted: hubs -> roles -> hubs, a cycle through two indexes.
import { defaultRoles } from "../roles";

export const createHub = (): string[] => defaultRoles();
export const hubRoleCount = 3;
