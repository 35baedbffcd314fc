import { translate, type MessageKey } from "@guildhall/core/i18n";
import { notFound, redirect } from "next/navigation";
import type { ReactNode } from "react";
import { currentUser } from "~/server/current-user";
import { hubAccess } from "~/server/hub-access";
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
 * A hub's pages: the hub is checked against membership on the server, by the
 * API (another hub reads as not found), then a section bar. The API checks each call again.
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
  // The API's hub middleware decides (another hub, or none, is not found).
  const access = await hubAccess(hubSlug);
  if (!access) notFound();
  const { hub } = access;
  const locale = await requestLocale();
  return (
    <>
      <nav className="subnav" aria-label="hub" data-testid="hub-nav">
        <strong className="hub-link">
          {hub.logoUrl ? (
            <img
              src={hub.logoUrl}
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
