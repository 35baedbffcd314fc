"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useT } from "~/lib/i18n";
import { useTRPC } from "~/lib/trpc";

/** Pending join requests with accept / reject. */
export function ApplicationsPanel({ hubSlug }: { hubSlug: string }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const applications = useQuery(trpc.members.applications.list.queryOptions({ hubSlug }));
  const decide = useMutation(
    trpc.members.applications.decide.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.members.pathKey() }),
    }),
  );
  return (
    <section className="panel" data-testid="applications-panel">
      <h2>{t("members.applications")}</h2>
      <ul className="rows">
        {applications.data?.items.length === 0 ? <li>{t("members.noApplications")}</li> : null}
        {applications.data?.items.map((application) => (
          <li key={application.id}>
            <span>
              <strong>@{application.username}</strong> {application.message}
            </span>
            <span>
              <button
                type="button"
                onClick={() =>
                  decide.mutate({ hubSlug, applicationId: application.id, accept: true })
                }
              >
                {t("members.accept")}
              </button>{" "}
              <button
                type="button"
                className="secondary"
                onClick={() =>
                  decide.mutate({ hubSlug, applicationId: application.id, accept: false })
                }
              >
                {t("members.reject")}
              </button>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
