"use client";

import { useQuery } from "@tanstack/react-query";
import { useT } from "~/lib/i18n";
import { useTRPC } from "~/lib/trpc";

/** The hub's streams against its limit; marked when no stream can be added. */
export function StreamUsage({ hubSlug }: { hubSlug: string }) {
  const t = useT();
  const trpc = useTRPC();
  const usage = useQuery(trpc.sites.streams.limit.queryOptions({ hubSlug }));
  if (!usage.data) return null;
  const full = usage.data.used >= usage.data.limit;
  return (
    <p className="note" data-testid="stream-usage">
      <span className={`badge ${full ? "bad" : "ok"}`}>
        {t("streams.usage", { used: usage.data.used, limit: usage.data.limit })}
      </span>
      {full ? <> {t("streams.limitReached")}</> : null}
    </p>
  );
}
