"use client";

import { toGuildhallError } from "@guildhall/client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useT } from "~/lib/i18n";
import { useTRPC } from "~/lib/trpc";
import { FormError } from "~/components/form-error";
import { StreamForm } from "./stream-form";
import type { Stream } from "./types";

/** One stream's settings in a line: model, hours, flags on, storage, expiry. */
function StreamLine({ stream }: { stream: Stream }) {
  const t = useT();
  const on = Object.entries(stream.detection)
    .filter(([, value]) => value)
    .map(([flag]) => flag);
  return (
    <span>
      <strong>{stream.name}</strong> · <code>{stream.videoUrl}</code> · {stream.modelKey} ·{" "}
      {t("streams.hours", { start: stream.workStartHour, end: stream.workEndHour })} ·{" "}
      {t("streams.expiresAt")}: {stream.expiresAt?.toLocaleString() ?? t("streams.never")}
      {stream.storeVideo ? ` · ${t("streams.storeVideo")}` : ""}
      {stream.storeDetections ? ` · ${t("streams.storeDetections")}` : ""}
      {on.length > 0 ? (
        <>
          {" "}
          · <small>{on.join(", ")}</small>
        </>
      ) : null}
    </span>
  );
}

/** A site's stream configurations: list, and for managers add, edit and delete. */
export function StreamsPanel({
  hubSlug,
  siteId,
  canManage,
}: {
  hubSlug: string;
  siteId: string;
  canManage: boolean;
}) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  const streams = useQuery(trpc.sites.streams.list.queryOptions({ hubSlug, siteId }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.sites.pathKey() });
  const create = useMutation(
    trpc.sites.streams.create.mutationOptions({
      onSuccess: async () => {
        setFormKey((key) => key + 1);
        await refresh();
      },
      onError: refresh,
    }),
  );
  const update = useMutation(
    trpc.sites.streams.update.mutationOptions({
      onSuccess: async () => {
        setEditing(null);
        await refresh();
      },
    }),
  );
  const remove = useMutation(trpc.sites.streams.delete.mutationOptions({ onSuccess: refresh }));

  return (
    <section className="panel" data-testid="streams-panel">
      <h2>{t("streams.heading")}</h2>
      <ul className="rows">
        {streams.data?.items.length === 0 ? <li>{t("streams.none")}</li> : null}
        {streams.data?.items.map((stream) =>
          editing === stream.id ? (
            <li key={stream.id}>
              <StreamForm
                initial={stream}
                pending={update.isPending}
                error={update.error ? toGuildhallError(update.error) : null}
                submitLabel={t("streams.save")}
                onSubmit={(values) =>
                  update.mutate({ hubSlug, siteId, streamId: stream.id, ...values })
                }
                onCancel={() => setEditing(null)}
              />
            </li>
          ) : (
            <li key={stream.id}>
              <StreamLine stream={stream} />
              {canManage ? (
                <span className="inline">
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => {
                      update.reset();
                      setEditing(stream.id);
                    }}
                  >
                    {t("streams.edit")}
                  </button>
                  <button
                    type="button"
                    className="danger"
                    onClick={() => {
                      if (window.confirm(t("streams.confirmDelete", { stream: stream.name })))
                        remove.mutate({ hubSlug, siteId, streamId: stream.id });
                    }}
                  >
                    {t("streams.delete")}
                  </button>
                </span>
              ) : null}
            </li>
          ),
        )}
      </ul>
      <FormError error={remove.error} />
      {canManage ? (
        <>
          <h3>{t("streams.create")}</h3>
          <StreamForm
            key={formKey}
            pending={create.isPending}
            error={create.error ? toGuildhallError(create.error) : null}
            submitLabel={t("streams.create")}
            onSubmit={(values) => create.mutate({ hubSlug, siteId, ...values })}
          />
        </>
      ) : null}
    </section>
  );
}
