"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useT } from "~/lib/i18n";
import { useTRPC } from "~/lib/trpc";
import { FormError } from "~/components/form-error";

/**
 * Every account of the instance, searchable by username, with who is a super
 * admin (stored on the account, or named in SUPER_ADMINS) and the controls to
 * change it or to (de)activate an account. The API enforces the rules (the
 * last super admin stays; another super admin cannot be deactivated) and
 * answers why not.
 */
export function AdminUsersPanel({ selfId }: { selfId: string }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [query, setQuery] = useState("");
  const users = useQuery(
    trpc.admin.users.list.queryOptions({ ...(query ? { query } : {}), limit: 100 }),
  );
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: trpc.admin.users.list.queryKey() });
  const setAdmin = useMutation(
    trpc.admin.users.setInstanceAdmin.mutationOptions({ onSuccess: refresh }),
  );
  const setActive = useMutation(trpc.admin.users.setActive.mutationOptions({ onSuccess: refresh }));
  const failure = setAdmin.error ?? setActive.error;
  return (
    <section className="panel" data-testid="admin-users">
      <h2>{t("admin.users")}</h2>
      <label className="field">
        <span>{t("admin.searchUsers")}</span>
        <input
          value={query}
          onChange={(event) => setQuery(event.target.value.trim())}
          maxLength={32}
          data-testid="admin-user-search"
        />
      </label>
      <ul className="rows">
        {users.data?.items.map((user) => (
          <li key={user.id} data-testid="admin-user" data-username={user.username}>
            <span>
              <strong>@{user.username}</strong>
              {user.email ? ` · ${user.email}` : ""}
              {user.superAdmin ? (
                <span className="badge" data-testid="super-admin-badge">
                  {" "}
                  {user.namedInSettings && !user.instanceAdmin
                    ? t("admin.superAdminFromSettings")
                    : t("admin.superAdmin")}
                </span>
              ) : null}
              {user.isActive ? null : <span className="badge"> {t("admin.deactivated")}</span>}
              {user.id === selfId ? <span className="badge"> {t("admin.you")}</span> : null}
            </span>
            <span className="actions">
              <button
                type="button"
                className="secondary"
                disabled={setAdmin.isPending}
                data-testid="toggle-super-admin"
                onClick={() =>
                  setAdmin.mutate({ userId: user.id, instanceAdmin: !user.instanceAdmin })
                }
              >
                {user.instanceAdmin ? t("admin.removeSuperAdmin") : t("admin.makeSuperAdmin")}
              </button>
              {user.id === selfId ? null : (
                <button
                  type="button"
                  className="secondary"
                  disabled={setActive.isPending}
                  onClick={() => setActive.mutate({ userId: user.id, active: !user.isActive })}
                >
                  {user.isActive ? t("admin.deactivate") : t("admin.activate")}
                </button>
              )}
            </span>
          </li>
        ))}
      </ul>
      {users.data?.nextCursor ? <p className="note">{t("admin.moreUsers")}</p> : null}
      <FormError error={failure} testId="admin-error" />
    </section>
  );
}
