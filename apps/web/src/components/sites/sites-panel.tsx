"use client";

import { useInfiniteQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Field } from "~/components/field";
import { formText } from "~/lib/form";
import { useT } from "~/lib/i18n";
import { useTRPC } from "~/lib/trpc";
import { FormError } from "~/components/form-error";
import { SiteDetail } from "./site-detail";
import { useFormMutation } from "~/lib/use-form-mutation";

/** The hub's sites (newest first): pick one to see it; managers create sites here. */
export function SitesPanel({
  hubSlug,
  canManage,
  canReadStreams,
  canManageStreams,
}: {
  hubSlug: string;
  canManage: boolean;
  canReadStreams: boolean;
  canManageStreams: boolean;
}) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [selected, setSelected] = useState<string | null>(null);
  const sites = useInfiniteQuery(
    trpc.sites.list.infiniteQueryOptions(
      { hubSlug, limit: 50 },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const {
    mutation: create,
    onSubmit: submit,
    error: createError,
  } = useFormMutation(
    trpc.sites.create.mutationOptions({
      onSuccess: async (site) => {
        setSelected(site.id);
        await queryClient.invalidateQueries({ queryKey: trpc.sites.pathKey() });
      },
    }),
    (form) => ({
      hubSlug,
      name: formText(form, "name"),
      description: formText(form, "description"),
    }),
    { clearOnSuccess: true },
  );
  const items = sites.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <>
      <section className="panel" data-testid="sites-panel">
        <ul className="rows">
          {sites.data && items.length === 0 ? <li>{t("sites.none")}</li> : null}
          {items.map((site) => (
            <li key={site.id} aria-current={site.id === selected ? "true" : undefined}>
              <span>
                <strong>{site.name}</strong>
                {site.description ? ` · ${site.description}` : ""} ·{" "}
                <small>
                  {t("sites.counts", { users: site.userCount, streams: site.streamCount })}
                </small>
              </span>
              <button type="button" className="secondary" onClick={() => setSelected(site.id)}>
                {t("sites.open")}
              </button>
            </li>
          ))}
        </ul>
        {sites.hasNextPage ? (
          <button type="button" className="secondary" onClick={() => void sites.fetchNextPage()}>
            {t("sites.loadMore")}
          </button>
        ) : null}
        {canManage ? (
          <form className="stack" onSubmit={submit}>
            <Field
              label={t("sites.name")}
              name="name"
              required
              maxLength={64}
              errors={createError?.fieldErrors.name}
            />
            <Field label={t("sites.description")} name="description" maxLength={500} />
            <FormError error={createError} fields={["name"]} />
            <button type="submit" disabled={create.isPending}>
              {t("sites.create")}
            </button>
          </form>
        ) : (
          <p className="note">{t("sites.readOnly")}</p>
        )}
      </section>
      {selected ? (
        <SiteDetail
          key={selected}
          hubSlug={hubSlug}
          siteId={selected}
          canManage={canManage}
          canReadStreams={canReadStreams}
          canManageStreams={canManageStreams}
          onDeleted={() => setSelected(null)}
        />
      ) : null}
    </>
  );
}
