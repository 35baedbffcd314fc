"use client";

import { useQuery } from "@tanstack/react-query";
import { useT } from "~/lib/i18n";
import { useTRPC } from "~/lib/trpc";
import { HubFeatureEditor } from "./hub-feature-editor";

/** Every catalogue feature as this hub has it, whether it is on for the viewer, and (for managers) an editor. */
export function HubFeaturesPanel({ hubSlug, canManage }: { hubSlug: string; canManage: boolean }) {
  const t = useT();
  const trpc = useTRPC();
  const list = useQuery(trpc.features.hub.list.queryOptions({ hubSlug }));
  const mine = useQuery(trpc.features.mine.queryOptions({ hubSlug }));
  const onForMe = new Set(mine.data?.features ?? []);
  const roles = list.data?.roles ?? [];
  const usernames = new Map(list.data?.users.map((user) => [user.id, user.username]));

  return (
    <section className="panel" data-testid="hub-features-panel">
      <h2>{t("features.hubHeading")}</h2>
      <p className="note">{t("features.targetingHint")}</p>
      {canManage ? null : <p className="note">{t("features.readOnly")}</p>}
      {list.data?.items.length === 0 ? <p>{t("features.none")}</p> : null}
      <ul className="rows">
        {list.data?.items.map((item) => (
          <li
            key={item.key}
            className="stack"
            style={{ alignItems: "stretch" }}
            data-testid={`feature-${item.key}`}
          >
            <span>
              <strong>{item.name}</strong> <code>{item.key}</code>{" "}
              <span className={onForMe.has(item.key) ? "badge ok" : "badge wait"}>
                {t(onForMe.has(item.key) ? "features.onForYou" : "features.offForYou")}
              </span>
              {item.description ? <small className="note"> {item.description}</small> : null}
            </span>
            {canManage ? (
              <HubFeatureEditor hubSlug={hubSlug} item={item} roles={roles} usernames={usernames} />
            ) : (
              <span>
                <label>
                  <input type="checkbox" checked={item.enabled} disabled readOnly />{" "}
                  {t("features.enabled")}
                </label>{" "}
                · {item.rolloutPercent}%
                {item.roleIds.length
                  ? ` · ${roles
                      .filter((role) => item.roleIds.includes(role.id))
                      .map((role) => role.name)
                      .join(", ")}`
                  : ""}
                {item.userIds.length
                  ? ` · ${item.userIds.map((id) => usernames.get(id) ?? id).join(", ")}`
                  : ""}
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
