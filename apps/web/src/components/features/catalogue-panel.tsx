"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent } from "react";
import { Field } from "~/components/field";
import { formText } from "~/lib/form";
import { useT } from "~/lib/i18n";
import { useTRPC } from "~/lib/trpc";
import { FormError } from "~/components/form-error";
import { useFormMutation } from "~/lib/use-form-mutation";

/** The instance's feature catalogue (super admins): add, rename, describe, delete. */
export function CataloguePanel() {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const catalogue = useQuery(trpc.features.catalogue.list.queryOptions());
  // Hub lists show every catalogue feature, so they refresh too.
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.features.catalogue.list.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.features.hub.list.pathKey() }),
    ]);
  const {
    mutation: create,
    onSubmit: submitNew,
    error: createError,
  } = useFormMutation(
    trpc.features.catalogue.create.mutationOptions({ onSuccess: refresh }),
    (form) => ({
      key: formText(form, "key"),
      name: formText(form, "name"),
      description: formText(form, "description"),
    }),
    { clearOnSuccess: true },
  );
  const update = useMutation(
    trpc.features.catalogue.update.mutationOptions({ onSuccess: refresh }),
  );
  const remove = useMutation(
    trpc.features.catalogue.delete.mutationOptions({ onSuccess: refresh }),
  );
  const rowError = [update, remove].find((m) => m.error)?.error;

  function submitEdit(event: FormEvent<HTMLFormElement>, featureKey: string) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    update.mutate({
      featureKey,
      name: formText(data, "name"),
      description: formText(data, "description"),
    });
  }

  return (
    <section className="panel" data-testid="feature-catalogue">
      <h2>{t("features.catalogue")}</h2>
      <p className="note">{t("features.catalogueHint")}</p>
      {catalogue.data?.items.length === 0 ? <p>{t("features.none")}</p> : null}
      <ul className="rows">
        {catalogue.data?.items.map((feature) => (
          <li key={feature.key}>
            <form className="stack" onSubmit={(e) => submitEdit(e, feature.key)}>
              <span>
                <code>{feature.key}</code> ·{" "}
                {t("features.enabledHubs", { count: feature.enabledHubs })}
              </span>
              <Field
                label={t("features.name")}
                name="name"
                defaultValue={feature.name}
                required
                maxLength={64}
              />
              <Field
                label={t("features.description")}
                name="description"
                defaultValue={feature.description}
                maxLength={500}
              />
              <span>
                <button type="submit" disabled={update.isPending}>
                  {t("features.save")}
                </button>{" "}
                <button
                  type="button"
                  className="secondary"
                  onClick={() => {
                    if (window.confirm(t("features.confirmDelete", { feature: feature.key })))
                      remove.mutate({ featureKey: feature.key });
                  }}
                >
                  {t("features.delete")}
                </button>
              </span>
            </form>
          </li>
        ))}
      </ul>
      <FormError error={rowError} />
      <form className="stack" onSubmit={submitNew} data-testid="feature-create">
        <Field
          label={t("features.key")}
          name="key"
          required
          maxLength={64}
          pattern="[a-z][a-z0-9]*([._\-][a-z0-9]+)*"
          placeholder="tickets.v2"
          errors={createError?.fieldErrors.key}
        />
        <Field
          label={t("features.name")}
          name="name"
          required
          maxLength={64}
          errors={createError?.fieldErrors.name}
        />
        <Field
          label={t("features.description")}
          name="description"
          maxLength={500}
          errors={createError?.fieldErrors.description}
        />
        <FormError error={createError} fields="all" />
        <button type="submit" disabled={create.isPending}>
          {t("features.create")}
        </button>
      </form>
    </section>
  );
}
