import type { PasswordProblem } from "@guildhall/auth";
import type { MessageKey } from "../i18n";

export const passwordProblemKey: Record<PasswordProblem, MessageKey> = {
  tooShort: "validation.password.tooShort",
  tooLong: "validation.password.tooLong",
  common: "validation.password.common",
  containsUsername: "validation.password.containsUsername",
};
