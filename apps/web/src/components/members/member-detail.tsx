"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent } from "react";
import { Field } from "~/components/field";
import { formText } from "~/lib/form";
import { useHubPermissions } from "~/lib/hub-permissions";
import { useT } from "~/lib/i18n";
import { useTRPC } from "~/lib/trpc";
import { FormError } from "~/components/form-error";

/** One member: roles (grant / remove below you), notes, bans, role history, ban and remove. */
export function MemberDetail({
  hubSlug,
  userId,
  onClose,
}: {
  hubSlug: string;
  userId: string;
  onClose: () => void;
}) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const perms = useHubPermissions(hubSlug);
  const member = useQuery(trpc.members.get.queryOptions({ hubSlug, userId }));
  const history = useQuery(trpc.members.roleHistory.queryOptions({ hubSlug, userId }));
  const roles = useQuery({
    ...trpc.roles.list.queryOptions({ hubSlug }),
    enabled: perms.can("role.read"),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.members.pathKey() });
  const grant = useMutation(trpc.members.grantRole.mutationOptions({ onSuccess: refresh }));
  const revoke = useMutation(trpc.members.revokeRole.mutationOptions({ onSuccess: refresh }));
  const note = useMutation(trpc.members.addNote.mutationOptions({ onSuccess: refresh }));
  const ban = useMutation(
    trpc.members.ban.mutationOptions({ onSuccess: () => void refresh().then(onClose) }),
  );
  const dismiss = useMutation(
    trpc.members.dismiss.mutationOptions({ onSuccess: () => void refresh().then(onClose) }),
  );
  const failure = [grant, revoke, note, ban, dismiss].find((m) => m.error)?.error;
  const data = member.data;
  if (!data) return null;
  const outranked = (data.roles[0]?.position ?? -1) < perms.highest;
  const assignable = (roles.data?.items ?? []).filter(
    (role) => role.position < perms.highest && !data.roles.some((held) => held.id === role.id),
  );

  return (
    <section className="panel" data-testid="member-detail">
      <h2>
        {data.displayName ?? data.username} <small>@{data.username}</small>
      </h2>
      <p>{t("members.joined", { date: data.joinedAt.toLocaleDateString() })}</p>
      <ul className="chips">
        {data.roles.map((role) => (
          <li key={role.id}>
            {role.name}
            {perms.can("role.assign") && role.position < perms.highest && outranked ? (
              <button
                type="button"
                className="link"
                aria-label={`${t("members.remove")} ${role.name}`}
                onClick={() => revoke.mutate({ hubSlug, userId, roleId: role.id })}
              >
                ×
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {perms.can("role.assign") && outranked && assignable.length > 0 ? (
        <form
          className="inline"
          onSubmit={(event: FormEvent<HTMLFormElement>) => {
            event.preventDefault();
            grant.mutate({
              hubSlug,
              userId,
              roleId: formText(new FormData(event.currentTarget), "roleId"),
            });
          }}
        >
          <select name="roleId" aria-label={t("members.presetRole")}>
            {assignable.map((role) => (
              <option key={role.id} value={role.id}>
                {role.name}
              </option>
            ))}
          </select>
          <button type="submit">{t("members.grant")}</button>
        </form>
      ) : null}
      {data.notes ? (
        <>
          <h3>{t("members.notes")}</h3>
          <ul className="rows">
            {data.notes.map((n) => (
              <li key={n.id}>
                <span>
                  {n.body}{" "}
                  <small>
                    — {n.authorName} · {n.createdAt.toLocaleString()}
                  </small>
                </span>
              </li>
            ))}
          </ul>
          <form
            className="inline"
            onSubmit={(event: FormEvent<HTMLFormElement>) => {
              event.preventDefault();
              const form = event.currentTarget;
              note.mutate({ hubSlug, userId, body: formText(new FormData(form), "body") });
              form.reset();
            }}
          >
            <input name="body" required maxLength={2000} aria-label={t("members.addNote")} />
            <button type="submit">{t("members.addNote")}</button>
          </form>
        </>
      ) : null}
      {data.bans && data.bans.length > 0 ? (
        <>
          <h3>{t("members.bans")}</h3>
          <ul className="rows">
            {data.bans.map((b) => (
              <li key={b.id}>
                {b.reason} · {b.createdAt.toLocaleString()}
                {b.liftedAt ? ` · ${b.liftedAt.toLocaleString()}` : ""}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h3>{t("members.roleHistory")}</h3>
      <ul className="rows">
        {history.data?.items.map((h) => (
          <li key={h.id}>
            {h.action === "grant" ? "+" : "−"} {h.roleKey} · {h.createdAt.toLocaleString()}
          </li>
        ))}
      </ul>
      {perms.can("member.ban") && outranked ? (
        <form
          className="stack"
          onSubmit={(event: FormEvent<HTMLFormElement>) => {
            event.preventDefault();
            const form = new FormData(event.currentTarget);
            const until = formText(form, "until");
            ban.mutate({
              hubSlug,
              userId,
              reason: formText(form, "reason"),
              expiresAt: until ? new Date(until) : null,
            });
          }}
        >
          <Field label={t("members.reason")} name="reason" required maxLength={500} />
          <Field label={t("members.banUntil")} name="until" type="datetime-local" />
          <button type="submit" className="danger">
            {t("members.ban")}
          </button>
        </form>
      ) : null}
      {perms.can("member.manage") && outranked ? (
        <button
          type="button"
          className="danger"
          onClick={() => dismiss.mutate({ hubSlug, userId })}
        >
          {t("members.dismiss")}
        </button>
      ) : null}
      <FormError error={failure} />
      <button type="button" className="secondary" onClick={onClose}>
        {t("members.close")}
      </button>
    </section>
  );
}
