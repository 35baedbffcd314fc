"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Field } from "~/components/field";
import { formText } from "~/lib/form";
import { useT } from "~/lib/i18n";
import { useTRPC } from "~/lib/trpc";
import { FormError } from "~/components/form-error";

interface SiteUser {
  id: string;
  username: string;
  displayName: string | null;
}

/** Who is assigned to a site; managers assign hub members by username and remove them. */
export function SiteUsers({
  hubSlug,
  siteId,
  users,
  canManage,
}: {
  hubSlug: string;
  siteId: string;
  users: SiteUser[];
  canManage: boolean;
}) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [missing, setMissing] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.sites.pathKey() });
  const add = useMutation(trpc.sites.addUser.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.sites.removeUser.mutationOptions({ onSuccess: refresh }));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const username = formText(new FormData(form), "username").trim();
    setMissing(null);
    add.reset();
    const found = await queryClient.fetchQuery(
      trpc.users.search.queryOptions({ query: username, mode: "exact", limit: 1 }),
    );
    const user = found.items[0];
    if (!user) {
      setMissing(username);
      return;
    }
    add.mutate({ hubSlug, siteId, userId: user.id }, { onSuccess: () => form.reset() });
  }

  return (
    <section className="panel" data-testid="site-users">
      <h3>{t("sites.users")}</h3>
      <ul className="rows">
        {users.length === 0 ? <li>{t("sites.noUsers")}</li> : null}
        {users.map((user) => (
          <li key={user.id}>
            <span>
              <strong>{user.displayName ?? user.username}</strong> @{user.username}
            </span>
            {canManage ? (
              <button
                type="button"
                className="secondary"
                onClick={() => remove.mutate({ hubSlug, siteId, userId: user.id })}
              >
                {t("sites.remove")}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {canManage ? (
        <form className="inline" onSubmit={(event) => void submit(event)}>
          <Field label={t("sites.username")} name="username" required maxLength={20} />
          <button type="submit" disabled={add.isPending}>
            {t("sites.addUser")}
          </button>
        </form>
      ) : null}
      {missing ? (
        <p className="form-error" role="alert">
          {t("sites.userNotFound", { username: missing })}
        </p>
      ) : null}
      <FormError error={add.error} />
      <FormError error={remove.error} />
    </section>
  );
}
