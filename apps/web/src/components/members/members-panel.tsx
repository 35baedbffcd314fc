"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useHubPermissions } from "~/lib/hub-permissions";
import { useT } from "~/lib/i18n";
import { useTRPC } from "~/lib/trpc";
import { ApplicationsPanel } from "./applications-panel";
import { BansPanel } from "./bans-panel";
import { InvitesPanel } from "./invites-panel";
import { MemberDetail } from "./member-detail";

/** The member list (search, paging), with invites, join requests, bans in force and one member's details. */
export function MembersPanel({ hubSlug }: { hubSlug: string }) {
  const t = useT();
  const trpc = useTRPC();
  const perms = useHubPermissions(hubSlug);
  const [query, setQuery] = useState("");
  const [selected, setSelected] = useState<string | null>(null);
  const members = useInfiniteQuery(
    trpc.members.list.infiniteQueryOptions(
      { hubSlug, query: query.trim() || undefined, limit: 25 },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const items = members.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      <section className="panel" data-testid="members-panel">
        <h1 data-testid="page-heading">{t("members.heading")}</h1>
        <label className="field">
          <span>{t("members.search")}</span>
          <input
            type="search"
            value={query}
            maxLength={20}
            onChange={(event) => setQuery(event.target.value)}
            data-testid="member-search"
          />
        </label>
        <ul className="rows">
          {items.map((member) => (
            <li key={member.id}>
              <span>
                {member.avatarUrl ? (
                  <img
                    src={member.avatarUrl}
                    alt=""
                    width={24}
                    height={24}
                    style={{ borderRadius: "50%", objectFit: "cover", verticalAlign: "middle" }}
                  />
                ) : null}{" "}
                <button type="button" className="link" onClick={() => setSelected(member.id)}>
                  <strong>{member.displayName ?? member.username}</strong>
                </button>{" "}
                @{member.username} · {member.roles.map((role) => role.name).join(", ")} ·{" "}
                {t("members.joined", { date: member.joinedAt.toLocaleDateString() })}
              </span>
            </li>
          ))}
        </ul>
        {members.hasNextPage ? (
          <button type="button" className="secondary" onClick={() => void members.fetchNextPage()}>
            {t("members.more")}
          </button>
        ) : null}
      </section>
      {selected ? (
        <MemberDetail hubSlug={hubSlug} userId={selected} onClose={() => setSelected(null)} />
      ) : null}
      {perms.can("member.invite") ? (
        <>
          <ApplicationsPanel hubSlug={hubSlug} />
          <InvitesPanel hubSlug={hubSlug} highest={perms.highest} />
        </>
      ) : null}
      {perms.can("member.ban") ? <BansPanel hubSlug={hubSlug} /> : null}
    </>
  );
}
