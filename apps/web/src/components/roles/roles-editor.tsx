"use client";

import { toGuildhallError } from "@guildhall/client";
import type { MessageKey } from "@guildhall/core/i18n";
import { permissions as registry } from "@guildhall/permissions";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Field } from "~/components/field";
import { formText } from "~/lib/form";
import { useHubPermissions } from "~/lib/hub-permissions";
import { useT } from "~/lib/i18n";
import { useTRPC } from "~/lib/trpc";
import { FormError } from "~/components/form-error";

/** The registry grouped by resource, for the permission checkboxes. */
const groups = [...new Set(registry.map((p) => p.resource))].map((resource) => ({
  resource,
  items: registry.filter((p) => p.resource === resource),
}));

interface RoleDraft {
  id?: string;
  name: string;
  position: number;
  permissions: string[];
  discordRoleId: string | null;
  system?: boolean;
}

/** Roles of a hub, highest first; edit only below your highest, with permissions you hold. */
export function RolesEditor({ hubSlug }: { hubSlug: string }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const perms = useHubPermissions(hubSlug);
  const roles = useQuery(trpc.roles.list.queryOptions({ hubSlug }));
  const [draft, setDraft] = useState<RoleDraft | null>(null);
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: trpc.roles.list.queryKey({ hubSlug }) });
  const done = () => void refresh().then(() => setDraft(null));
  const create = useMutation(trpc.roles.create.mutationOptions({ onSuccess: done }));
  const update = useMutation(trpc.roles.update.mutationOptions({ onSuccess: done }));
  const remove = useMutation(trpc.roles.delete.mutationOptions({ onSuccess: done }));
  const failure = [create, update, remove].find((m) => m.error)?.error;
  const error = failure ? toGuildhallError(failure) : null;
  const canManage = perms.can("role.manage");

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!draft) return;
    const form = new FormData(event.currentTarget);
    const fields = {
      name: formText(form, "name"),
      position: Number(formText(form, "position")),
      discordRoleId: formText(form, "discordRoleId") || null,
      permissions: form.getAll("permissions").filter((p): p is string => typeof p === "string"),
    };
    if (draft.id) update.mutate({ hubSlug, roleId: draft.id, ...fields });
    else create.mutate({ hubSlug, ...fields });
  }

  return (
    <>
      <section className="panel" data-testid="roles-panel">
        <h1 data-testid="page-heading">{t("roles.heading")}</h1>
        <p className="note">{t("roles.readOnly")}</p>
        <ul className="rows">
          {roles.data?.items.map((role) => (
            <li key={role.id}>
              <span>
                <strong>{role.name}</strong> · {t("roles.position")} {role.position} ·{" "}
                {t("roles.members", { count: role.members })}
                {role.discordRoleId ? ` · Discord ${role.discordRoleId}` : ""}
              </span>
              {canManage && role.position < perms.highest ? (
                <button type="button" className="secondary" onClick={() => setDraft(role)}>
                  {t("roles.edit")}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
        {canManage ? (
          <button
            type="button"
            onClick={() =>
              setDraft({ name: "", position: 100, permissions: ["hub.read"], discordRoleId: null })
            }
          >
            {t("roles.new")}
          </button>
        ) : null}
      </section>
      {draft ? (
        <section className="panel" data-testid="role-form">
          <form className="stack" onSubmit={submit} key={draft.id ?? "new"}>
            <Field
              label={t("hubs.name")}
              name="name"
              defaultValue={draft.name}
              required
              maxLength={50}
              errors={error?.fieldErrors.name}
            />
            <Field
              label={t("roles.position")}
              name="position"
              type="number"
              min={0}
              max={Math.min(perms.highest - 1, 100_000)}
              defaultValue={draft.position}
              required
              errors={error?.fieldErrors.position}
            />
            <Field
              label={t("roles.discordRoleId")}
              name="discordRoleId"
              pattern="\d{5,25}"
              defaultValue={draft.discordRoleId ?? ""}
              errors={error?.fieldErrors.discordRoleId}
            />
            <label className="check">
              <input
                type="checkbox"
                name="permissions"
                value="*"
                defaultChecked={draft.permissions.includes("*")}
              />
              {t("roles.all")}
            </label>
            {groups.map((group) => (
              <fieldset key={group.resource} className="perm-group">
                <legend>{t(`permissions.resource.${group.resource}` as MessageKey)}</legend>
                {group.items.map((p) => (
                  <label key={p.key} className="check">
                    <input
                      type="checkbox"
                      name="permissions"
                      value={p.key}
                      defaultChecked={draft.permissions.includes(p.key)}
                      disabled={!perms.superAdmin && !perms.can(p.key)}
                    />
                    {t(`permissions.action.${p.action}` as MessageKey)}
                  </label>
                ))}
              </fieldset>
            ))}
            <button type="submit">{t("settings.save")}</button>
            {draft.id && !draft.system ? (
              <button
                type="button"
                className="danger"
                onClick={() => remove.mutate({ hubSlug, roleId: draft.id! })}
              >
                {t("roles.delete")}
              </button>
            ) : null}
            <button type="button" className="secondary" onClick={() => setDraft(null)}>
              {t("members.close")}
            </button>
          </form>
          <FormError error={error} />
        </section>
      ) : null}
    </>
  );
}
