"use client";

import { Card, StatusBadge } from "@guildhall/ui";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "~/lib/trpc";

export interface SystemStatusLabels {
  database: string;
  version: string;
  uptime: string;
  healthy: string;
  unhealthy: string;
  loading: string;
}

function formatUptime(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  return h ? `${h} h ${m} min` : m ? `${m} min` : `${seconds} s`;
}

/** Live system status from the `system.health` procedure. */
export function SystemStatus({ labels }: { labels: SystemStatusLabels }) {
  const trpc = useTRPC();
  const health = useQuery({ ...trpc.system.health.queryOptions(), refetchInterval: 15_000 });
  const data = health.data;
  const dbStatus = health.isPending ? "wait" : data?.database.ok ? "ok" : "bad";
  const dbLabel = health.isPending
    ? labels.loading
    : data?.database.ok
      ? labels.healthy
      : labels.unhealthy;
  return (
    <div className="cards">
      <Card title={labels.database} testId="status-database">
        <StatusBadge status={dbStatus} label={dbLabel} />
        {data ? <small> {data.database.kind}</small> : null}
      </Card>
      <Card title={labels.version} testId="status-version">
        {data?.version ?? "…"}
      </Card>
      <Card title={labels.uptime} testId="status-uptime">
        {data ? formatUptime(data.uptimeSeconds) : "…"}
      </Card>
    </div>
  );
}
