import { hubRoleCount } from "../hubs";

export const defaultRoles = (): string[] =>
  Array.from({ length: hubRoleCount }, (_, i) => `role-${i}`);
