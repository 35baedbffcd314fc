"use client";

import { toGuildhallError } from "@guildhall/client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent } from "react";
import { Field } from "~/components/field";
import { formText } from "~/lib/form";
import { useT } from "~/lib/i18n";
import { useTRPC } from "~/lib/trpc";

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
  const create = useMutation(
    trpc.features.catalogue.create.mutationOptions({ onSuccess: refresh }),
  );
  const update = useMutation(
    trpc.features.catalogue.update.mutationOptions({ onSuccess: refresh }),
  );
  const remove = useMutation(
    trpc.features.catalogue.delete.mutationOptions({ onSuccess: refresh }),
  );
  const createError = create.error ? toGuildhallError(create.error) : null;
  const rowError = [update, remove].find((m) => m.error)?.error;

  function submitNew(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    create.mutate(
      {
        key: formText(data, "key"),
        name: formText(data, "name"),
        description: formText(data, "description"),
      },
      { onSuccess: () => form.reset() },
    );
  }

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
      {rowError ? (
        <p className="form-error" role="alert">
          {toGuildhallError(rowError).message}
        </p>
      ) : null}
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
        {createError && !Object.keys(createError.fieldErrors).length ? (
          <p className="form-error" role="alert">
            {createError.message}
          </p>
        ) : null}
        <button type="submit" disabled={create.isPending}>
          {t("features.create")}
        </button>
      </form>
    </section>
  );
}
