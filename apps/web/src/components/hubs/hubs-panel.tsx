"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { Field } from "~/components/field";
import { formText } from "~/lib/form";
import { useT } from "~/lib/i18n";
import { useTRPC } from "~/lib/trpc";
import { FormError } from "~/components/form-error";
import { useFormMutation } from "~/lib/use-form-mutation";

/** My hubs, archived hubs I can restore, joining with an invite code, and creating a hub (when the instance allows). */
export function HubsPanel() {
  const t = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const hubs = useQuery(trpc.hubs.listMine.queryOptions());
  const archived = useQuery(trpc.hubs.listArchived.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.hubs.listMine.queryKey() });
  const {
    mutation: create,
    onSubmit: submitCreate,
    error: createError,
  } = useFormMutation(trpc.hubs.create.mutationOptions({ onSuccess: refresh }), (form) => ({
    slug: formText(form, "slug"),
    name: formText(form, "name"),
    description: formText(form, "description") || undefined,
  }));
  const {
    mutation: accept,
    onSubmit: submitCode,
    error: acceptError,
  } = useFormMutation(trpc.hubs.acceptInvite.mutationOptions({ onSuccess: refresh }), (form) => ({
    code: formText(form, "code").trim(),
  }));
  const restore = useMutation(
    trpc.hubs.restore.mutationOptions({
      onSuccess: () => {
        void refresh();
        void queryClient.invalidateQueries({ queryKey: trpc.hubs.listArchived.queryKey() });
        // The sidebar's hub switcher is rendered on the server.
        router.refresh();
      },
    }),
  );

  return (
    <>
      <section className="panel" data-testid="my-hubs">
        <h2>{t("hubs.mine")}</h2>
        <ul className="rows">
          {hubs.data?.items.length === 0 ? <li>{t("hubs.none")}</li> : null}
          {hubs.data?.items.map((hub) => (
            <li key={hub.id}>
              <span>
                <a href={`/hub/${hub.slug}`} className="hub-link">
                  {hub.logoUrl ? (
                    <img src={hub.logoUrl} alt="" width={24} height={24} className="hub-logo" />
                  ) : null}
                  <strong>{hub.name}</strong>
                </a>{" "}
                · {hub.slug} · {hub.role}
              </span>
            </li>
          ))}
        </ul>
      </section>
      {archived.data && (archived.data.items.length > 0 || restore.data) ? (
        <section className="panel" data-testid="archived-hubs">
          <h2>{t("hubs.archived")}</h2>
          <ul className="rows">
            {archived.data.items.map((hub) => (
              <li key={hub.id}>
                <span>
                  <strong>{hub.name}</strong> · {hub.slug} ·{" "}
                  {t("hubs.archivedOn", { date: hub.archivedAt.toLocaleDateString() })}
                </span>
                <button
                  type="button"
                  className="secondary"
                  disabled={restore.isPending}
                  onClick={() => restore.mutate({ hubSlug: hub.slug })}
                >
                  {t("hubs.restore")}
                </button>
              </li>
            ))}
          </ul>
          {restore.data ? (
            <p role="status">{t("hubs.restored", { hub: restore.data.name })}</p>
          ) : null}
          <FormError error={restore.error} />
        </section>
      ) : null}
      <section className="panel">
        <h2>{t("hubs.joinWithCode")}</h2>
        <form className="stack" onSubmit={submitCode}>
          <Field label={t("hubs.code")} name="code" required maxLength={32} />
          <button type="submit" disabled={accept.isPending}>
            {t("hubs.join")}
          </button>
          {accept.data ? (
            <p role="status">{t("hubs.joined", { hub: accept.data.hubSlug })}</p>
          ) : null}
          <FormError error={acceptError} />
        </form>
      </section>
      <section className="panel">
        <h2>{t("hubs.create")}</h2>
        <form className="stack" onSubmit={submitCreate} data-testid="create-hub">
          <Field
            label={t("hubs.slug")}
            name="slug"
            required
            pattern="[a-z0-9][a-z0-9-]*[a-z0-9]"
            minLength={3}
            maxLength={32}
            errors={createError?.fieldErrors.slug}
          />
          <Field
            label={t("hubs.name")}
            name="name"
            required
            minLength={2}
            maxLength={80}
            errors={createError?.fieldErrors.name}
          />
          <Field label={t("hubs.description")} name="description" maxLength={2000} />
          <button type="submit" disabled={create.isPending}>
            {t("hubs.create")}
          </button>
          <FormError error={createError} />
        </form>
      </section>
    </>
  );
}
