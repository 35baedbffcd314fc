import type { MatrixEntry } from "./callers";
import { nobody, superAdminOnly } from "./callers";

/** The matrix rows of instance administration. */
export const adminRows: Record<string, MatrixEntry> = {
  "admin.mailbox.list": { input: {}, badInput: { limit: 1000 }, outcomes: superAdminOnly() },
  "admin.users.list": { input: {}, badInput: { limit: 0 }, outcomes: superAdminOnly() },
  "admin.users.create": {
    input: {
      username: "made-by-admin",
      email: "made@example.test",
      password: "a long enough passphrase",
    },
    badInput: { username: "x" },
    outcomes: superAdminOnly(),
  },
  "admin.users.setActive": {
    input: { userId: nobody, active: false },
    badInput: { userId: nobody },
    outcomes: superAdminOnly("USER_NOT_FOUND"),
  },
  "admin.users.rename": {
    input: { userId: nobody, username: "renamed" },
    badInput: { userId: nobody, username: "r!" },
    outcomes: superAdminOnly("USER_NOT_FOUND"),
  },
  "admin.users.setInstanceAdmin": {
    input: { userId: nobody, instanceAdmin: true },
    badInput: { userId: nobody },
    outcomes: superAdminOnly("USER_NOT_FOUND"),
  },
  "admin.users.resetPassword": {
    input: { userId: nobody, password: "another long passphrase" },
    badInput: { userId: nobody, password: "1" },
    outcomes: superAdminOnly("USER_NOT_FOUND"),
  },
  "admin.hubs.list": {
    input: { archived: "false" },
    badInput: { limit: 0 },
    outcomes: superAdminOnly(),
  },
  "admin.users.delete": {
    input: { userId: nobody },
    badInput: { userId: "me" },
    outcomes: superAdminOnly("USER_NOT_FOUND"),
  },
};
