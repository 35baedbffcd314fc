"use client";

import { toGuildhallError } from "@guildhall/client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useT } from "~/lib/i18n";
import { useTRPC } from "~/lib/trpc";
import { FormError } from "~/components/form-error";

interface Props {
  hubSlug: string;
  item: {
    key: string;
    enabled: boolean;
    rolloutPercent: number;
    roleIds: string[];
    userIds: string[];
  };
  roles: { id: string; name: string }[];
  usernames: Map<string, string>;
}

/** One feature's switch, rollout slider and role/user targeting for the hub; saved as a whole. */
export function HubFeatureEditor({ hubSlug, item, roles, usernames }: Props) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [enabled, setEnabled] = useState(item.enabled);
  const [rollout, setRollout] = useState(item.rolloutPercent);
  const [roleIds, setRoleIds] = useState(item.roleIds);
  const [users, setUsers] = useState(
    item.userIds.map((id) => ({ id, username: usernames.get(id) ?? id })),
  );
  const [newUser, setNewUser] = useState("");
  const [lookupError, setLookupError] = useState<string | null>(null);
  const save = useMutation(
    trpc.features.hub.set.mutationOptions({
      onSuccess: () =>
        Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.features.hub.list.queryKey({ hubSlug }) }),
          queryClient.invalidateQueries({ queryKey: trpc.features.mine.queryKey({ hubSlug }) }),
        ]),
    }),
  );
  const error = save.error ? toGuildhallError(save.error) : null;

  async function addUser() {
    const username = newUser.trim();
    if (!username) return;
    setLookupError(null);
    const found = await queryClient.fetchQuery(
      trpc.users.search.queryOptions({ query: username, mode: "exact", limit: 1 }),
    );
    const user = found.items[0];
    if (!user) return setLookupError(t("features.userNotFound", { username }));
    if (!users.some((u) => u.id === user.id)) setUsers([...users, user]);
    setNewUser("");
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.mutate({
      hubSlug,
      featureKey: item.key,
      enabled,
      rolloutPercent: rollout,
      roleIds,
      userIds: users.map((u) => u.id),
    });
  }

  const toggleRole = (id: string, on: boolean) =>
    setRoleIds(on ? [...roleIds, id] : roleIds.filter((roleId) => roleId !== id));

  return (
    <form className="stack" onSubmit={submit} data-testid={`feature-editor-${item.key}`}>
      <label>
        <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />{" "}
        {t("features.enabled")}
      </label>
      <label className="field">
        <span>{t("features.rollout")}</span>
        <span>
          <input
            type="range"
            min={0}
            max={100}
            value={rollout}
            onChange={(e) => setRollout(Number(e.target.value))}
            aria-label={t("features.rollout")}
          />{" "}
          <input
            type="number"
            min={0}
            max={100}
            value={rollout}
            onChange={(e) => setRollout(Math.min(100, Math.max(0, Number(e.target.value) || 0)))}
            style={{ width: "5em" }}
            aria-label={t("features.rollout")}
          />
        </span>
      </label>
      <fieldset>
        <legend>{t("features.roles")}</legend>
        {roles.map((role) => (
          <label key={role.id} style={{ marginRight: 12 }}>
            <input
              type="checkbox"
              checked={roleIds.includes(role.id)}
              onChange={(e) => toggleRole(role.id, e.target.checked)}
            />{" "}
            {role.name}
          </label>
        ))}
        {error?.fieldErrors.roleIds?.map((message) => (
          <small key={message} className="field-error">
            {message}
          </small>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t("features.users")}</legend>
        {users.map((user) => (
          <span key={user.id} style={{ marginRight: 12 }}>
            @{user.username}{" "}
            <button
              type="button"
              className="secondary"
              onClick={() => setUsers(users.filter((u) => u.id !== user.id))}
            >
              {t("features.remove")}
            </button>
          </span>
        ))}
        <span>
          <input
            value={newUser}
            maxLength={20}
            placeholder={t("features.username")}
            aria-label={t("features.username")}
            onChange={(e) => setNewUser(e.target.value)}
          />{" "}
          <button type="button" className="secondary" onClick={() => void addUser()}>
            {t("features.addUser")}
          </button>
        </span>
        {[lookupError, ...(error?.fieldErrors.userIds ?? [])].filter(Boolean).map((message) => (
          <small key={message} className="field-error">
            {message}
          </small>
        ))}
      </fieldset>
      <FormError error={error} fields="all" />
      <span>
        <button type="submit" disabled={save.isPending}>
          {t("features.save")}
        </button>{" "}
        {save.isSuccess ? <span role="status">{t("features.saved")}</span> : null}
      </span>
    </form>
  );
}
