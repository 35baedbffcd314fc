import { getMembership } from "@guildhall/core/access";
import { getHubBySlug, hubLogoUrl } from "@guildhall/core/hubs";
import { getDatabase } from "@guildhall/core/runtime";
import { translate, type MessageKey } from "@guildhall/core/i18n";
import { notFound, redirect } from "next/navigation";
import type { ReactNode } from "react";
import { currentUser } from "~/server/current-user";
import { requestLocale } from "~/server/locale";

/** The sections of one hub, each a page under /hub/<slug>/. */
const sections: { path: string; key: MessageKey }[] = [
  { path: "", key: "hubnav.settings" },
  { path: "/tickets", key: "hubnav.tickets" },
  { path: "/members", key: "hubnav.members" },
  { path: "/roles", key: "hubnav.roles" },
  { path: "/features", key: "hubnav.features" },
  { path: "/sites", key: "hubnav.sites" },
  { path: "/config", key: "hubnav.config" },
  { path: "/audit", key: "hubnav.audit" },
];

/**
 * A hub's pages: the hub is checked against membership on the server (another
 * hub reads as not found), then a section bar. The API checks each call again.
 */
export default async function HubLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ hubSlug: string }>;
}) {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  const { hubSlug } = await params;
  const { db } = await getDatabase();
  const hub = await getHubBySlug(db, hubSlug);
  const member = hub ? await getMembership(db, hub.id, user.userId) : undefined;
  if (!hub || (!member && !user.superAdmin)) notFound();
  const locale = await requestLocale();
  return (
    <>
      <nav className="subnav" aria-label="hub" data-testid="hub-nav">
        <strong className="hub-link">
          {hub.logoKey ? (
            <img
              src={hubLogoUrl(hub.logoKey)!}
              alt=""
              width={24}
              height={24}
              className="hub-logo"
              data-testid="hub-logo"
            />
          ) : null}
          {hub.name}
        </strong>
        {sections.map((section) => (
          <a key={section.path} href={`/hub/${hub.slug}${section.path}`}>
            {translate(locale, section.key)}
          </a>
        ))}
      </nav>
      {children}
    </>
  );
}
