import type { MessageKey } from "@guildhall/core/i18n";

/** The dashboard's sections; `ready: false` ones show as coming soon until their issue lands. */
export const navItems: { href: string; key: MessageKey; ready: boolean }[] = [
  { href: "/", key: "nav.overview", ready: true },
  { href: "/hubs", key: "nav.hubs", ready: true },
  { href: "/tickets", key: "nav.tickets", ready: true },
  { href: "/messages", key: "nav.chats", ready: true },
];
