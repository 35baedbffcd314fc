"use client";

import { useQuery } from "@tanstack/react-query";
import { useT } from "~/lib/i18n";
import { useTRPC } from "~/lib/trpc";

/** The sites the viewer is assigned to, with their streams (read-only). */
export function MySites({ hubSlug }: { hubSlug: string }) {
  const t = useT();
  const trpc = useTRPC();
  const mine = useQuery(trpc.sites.listMine.queryOptions({ hubSlug }));
  return (
    <section className="panel" data-testid="my-sites">
      <h2>{t("sites.mine")}</h2>
      {mine.data?.items.length === 0 ? <p className="note">{t("sites.mineNone")}</p> : null}
      {mine.data?.items.map((site) => (
        <article key={site.id}>
          <h3>{site.name}</h3>
          {site.description ? <p>{site.description}</p> : null}
          <ul className="rows">
            {site.streams.length === 0 ? <li>{t("streams.none")}</li> : null}
            {site.streams.map((stream) => (
              <li key={stream.id}>
                <span>
                  <strong>{stream.name}</strong> · {stream.modelKey} ·{" "}
                  {t("streams.hours", { start: stream.workStartHour, end: stream.workEndHour })}
                </span>
              </li>
            ))}
          </ul>
        </article>
      ))}
    </section>
  );
}
