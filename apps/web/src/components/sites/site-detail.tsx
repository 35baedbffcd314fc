"use client";

import { toGuildhallError } from "@guildhall/client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Field } from "~/components/field";
import { formText } from "~/lib/form";
import { useT } from "~/lib/i18n";
import { useTRPC } from "~/lib/trpc";
import { FormError } from "~/components/form-error";
import { SiteUsers } from "./site-users";
import { StreamsPanel } from "./streams-panel";

/** One site: its settings (edit, delete), its users and its streams. */
export function SiteDetail({
  hubSlug,
  siteId,
  canManage,
  canReadStreams,
  canManageStreams,
  onDeleted,
}: {
  hubSlug: string;
  siteId: string;
  canManage: boolean;
  canReadStreams: boolean;
  canManageStreams: boolean;
  onDeleted: () => void;
}) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const site = useQuery(trpc.sites.get.queryOptions({ hubSlug, siteId }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.sites.pathKey() });
  const update = useMutation(
    trpc.sites.update.mutationOptions({
      onSuccess: async () => {
        setEditing(false);
        await refresh();
      },
    }),
  );
  const remove = useMutation(
    trpc.sites.delete.mutationOptions({
      onSuccess: async () => {
        onDeleted();
        await refresh();
      },
    }),
  );
  const data = site.data;
  if (!data) return site.error ? <FormError error={site.error} /> : null;
  const updateError = update.error ? toGuildhallError(update.error) : null;

  function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    update.mutate({
      hubSlug,
      siteId,
      name: formText(form, "name"),
      description: formText(form, "description"),
    });
  }

  return (
    <article className="stack" data-testid="site-detail">
      <section className="panel">
        <h2>{data.name}</h2>
        {editing ? (
          <form className="stack" onSubmit={save}>
            <Field
              label={t("sites.name")}
              name="name"
              required
              maxLength={64}
              defaultValue={data.name}
              errors={updateError?.fieldErrors.name}
            />
            <Field
              label={t("sites.description")}
              name="description"
              maxLength={500}
              defaultValue={data.description}
            />
            <FormError error={updateError} fields={["name"]} />
            <div className="inline">
              <button type="submit" disabled={update.isPending}>
                {t("sites.save")}
              </button>
              <button type="button" className="secondary" onClick={() => setEditing(false)}>
                {t("sites.cancel")}
              </button>
            </div>
          </form>
        ) : (
          <>
            {data.description ? <p>{data.description}</p> : null}
            {canManage ? (
              <div className="inline">
                <button type="button" className="secondary" onClick={() => setEditing(true)}>
                  {t("sites.edit")}
                </button>
                <button
                  type="button"
                  className="danger"
                  disabled={remove.isPending}
                  onClick={() => {
                    if (window.confirm(t("sites.confirmDelete", { site: data.name })))
                      remove.mutate({ hubSlug, siteId });
                  }}
                >
                  {t("sites.delete")}
                </button>
              </div>
            ) : null}
            <FormError error={remove.error} />
          </>
        )}
      </section>
      <SiteUsers hubSlug={hubSlug} siteId={siteId} users={data.users} canManage={canManage} />
      {canReadStreams ? (
        <StreamsPanel hubSlug={hubSlug} siteId={siteId} canManage={canManageStreams} />
      ) : null}
    </article>
  );
}
