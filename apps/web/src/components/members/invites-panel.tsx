"use client";

import { toGuildhallError } from "@guildhall/client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Field } from "~/components/field";
import { formText } from "~/lib/form";
import { useT } from "~/lib/i18n";
import { useTRPC } from "~/lib/trpc";
import { FormError } from "~/components/form-error";

/** Expiring invite codes: create (preset role below yours, optionally for one user), list, revoke. */
export function InvitesPanel({ hubSlug, highest }: { hubSlug: string; highest: number }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const invites = useQuery(trpc.members.invites.list.queryOptions({ hubSlug }));
  const roles = useQuery(trpc.roles.list.queryOptions({ hubSlug }));
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: trpc.members.invites.list.queryKey({ hubSlug }) });
  const create = useMutation(trpc.members.invites.create.mutationOptions({ onSuccess: refresh }));
  const revoke = useMutation(trpc.members.invites.revoke.mutationOptions({ onSuccess: refresh }));
  const [unknownUser, setUnknownUser] = useState(false);
  const error = create.error ? toGuildhallError(create.error) : null;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setUnknownUser(false);
    const form = new FormData(event.currentTarget);
    const maxUses = formText(form, "maxUses");
    // An optional target user, found by exact username (as a new chat finds its recipient).
    const username = formText(form, "targetUser").trim();
    let targetUserId: string | null = null;
    if (username) {
      const found = await queryClient.fetchQuery(
        trpc.users.search.queryOptions({ query: username, mode: "exact", limit: 1 }),
      );
      const user = found.items[0];
      if (!user) return setUnknownUser(true);
      targetUserId = user.id;
    }
    create.mutate({
      hubSlug,
      roleId: formText(form, "roleId") || null,
      targetUserId,
      expiresInHours: Number(formText(form, "hours")),
      maxUses: maxUses ? Number(maxUses) : null,
    });
  }

  return (
    <section className="panel" data-testid="invites-panel">
      <h2>{t("members.invites")}</h2>
      <ul className="rows">
        {invites.data?.items.map((invite) => (
          <li key={invite.id}>
            <span>
              <code>{invite.code}</code> · {invite.uses}
              {invite.maxUses ? `/${invite.maxUses}` : ""} · {invite.expiresAt.toLocaleString()}
            </span>
            <button
              type="button"
              className="secondary"
              onClick={() => revoke.mutate({ hubSlug, inviteId: invite.id })}
            >
              {t("security.revoke")}
            </button>
          </li>
        ))}
      </ul>
      <form className="stack" onSubmit={(e) => void submit(e)}>
        <label className="field">
          <span>{t("members.presetRole")}</span>
          <select name="roleId" defaultValue="">
            <option value="">—</option>
            {roles.data?.items
              .filter((role) => role.position < highest)
              .map((role) => (
                <option key={role.id} value={role.id}>
                  {role.name}
                </option>
              ))}
          </select>
        </label>
        <Field
          label={t("members.expiresIn")}
          name="hours"
          type="number"
          min={1}
          max={720}
          defaultValue={24}
          required
        />
        <Field label={t("members.maxUses")} name="maxUses" type="number" min={1} />
        <Field
          label={t("members.targetUser")}
          name="targetUser"
          maxLength={20}
          errors={unknownUser ? [t("errors.userNotFound")] : error?.fieldErrors.targetUserId}
        />
        <button type="submit">{t("members.createInvite")}</button>
        <FormError error={error} />
      </form>
    </section>
  );
}
