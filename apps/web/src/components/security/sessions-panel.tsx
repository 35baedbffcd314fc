"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useT } from "~/lib/i18n";
import { useTRPC } from "~/lib/trpc";

export function SessionsPanel() {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const sessions = useQuery(trpc.auth.sessions.list.queryOptions());
  const revoke = useMutation(
    trpc.auth.sessions.revoke.mutationOptions({
      onSuccess: () =>
        queryClient.invalidateQueries({ queryKey: trpc.auth.sessions.list.queryKey() }),
    }),
  );
  return (
    <section className="panel" data-testid="sessions-panel">
      <h2>{t("security.sessions")}</h2>
      <ul className="rows">
        {sessions.data?.items.map((s) => (
          <li key={s.id}>
            <span>
              {s.userAgent?.slice(0, 60) ?? s.kind} · {s.ip ?? "?"} · {t("security.lastSeen")}{" "}
              {s.lastSeenAt.toLocaleString()}
              {s.current ? <strong> ({t("security.current")})</strong> : null}
            </span>
            {s.current ? null : (
              <button
                type="button"
                className="secondary"
                onClick={() => revoke.mutate({ sessionId: s.id })}
              >
                {t("security.revoke")}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
