// Planted: a page reading a domain of core instead of calling its procedure.
import { createHub } from "@guildhall/core/hubs";
// Allowed: a pure helper.
import { locales } from "@guildhall/core/i18n";

export const page = (): string => `${typeof createHub} ${locales.length}`;
