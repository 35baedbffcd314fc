"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useT } from "~/lib/i18n";
import { useTRPC } from "~/lib/trpc";
import { FormError } from "~/components/form-error";

/** Bans in force (banned users are no longer members), each with an Unban control. */
export function BansPanel({ hubSlug }: { hubSlug: string }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const bans = useQuery(trpc.members.bans.queryOptions({ hubSlug, active: "true" }));
  const unban = useMutation(
    trpc.members.unban.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.members.bans.queryKey() }),
    }),
  );
  return (
    <section className="panel" data-testid="bans-panel">
      <h2>{t("members.activeBans")}</h2>
      {bans.data?.items.length === 0 ? <p>{t("members.noBans")}</p> : null}
      <ul className="rows">
        {bans.data?.items.map((ban) => (
          <li key={ban.id}>
            <span>
              <strong>{ban.username ? `@${ban.username}` : ban.userId}</strong> · {ban.reason} ·{" "}
              {ban.expiresAt
                ? t("members.bannedUntil", { date: ban.expiresAt.toLocaleString() })
                : t("members.bannedForever")}
            </span>
            <button
              type="button"
              className="secondary"
              disabled={unban.isPending}
              onClick={() => unban.mutate({ hubSlug, userId: ban.userId })}
            >
              {t("members.unban")}
            </button>
          </li>
        ))}
      </ul>
      <FormError error={unban.error} />
    </section>
  );
}
