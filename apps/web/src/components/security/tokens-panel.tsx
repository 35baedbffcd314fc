"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent } from "react";
import { Field } from "~/components/field";
import { formText } from "~/lib/form";
import { useT } from "~/lib/i18n";
import { useTRPC } from "~/lib/trpc";
import { FormError } from "~/components/form-error";

export function TokensPanel() {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const tokens = useQuery(trpc.tokens.list.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.tokens.list.queryKey() });
  const create = useMutation(trpc.tokens.create.mutationOptions({ onSuccess: refresh }));
  const revoke = useMutation(trpc.tokens.revoke.mutationOptions({ onSuccess: refresh }));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const scope = formText(form, "scope") as "read" | "write" | "*";
    create.mutate({ name: formText(form, "name"), scopes: [scope] });
  }

  return (
    <section className="panel" data-testid="tokens-panel">
      <h2>{t("security.tokens")}</h2>
      {create.data ? (
        <p>
          {t("security.tokenShown")} <code className="secret">{create.data.token}</code>
        </p>
      ) : null}
      <ul className="rows">
        {tokens.data?.items.length === 0 ? <li>{t("security.noTokens")}</li> : null}
        {tokens.data?.items.map((token) => (
          <li key={token.id}>
            <span>
              <strong>{token.name}</strong> · {token.prefix}… · {token.scopes.join(", ")}
            </span>
            <button
              type="button"
              className="secondary"
              onClick={() => revoke.mutate({ tokenId: token.id })}
            >
              {t("security.revoke")}
            </button>
          </li>
        ))}
      </ul>
      <form className="stack" onSubmit={submit}>
        <Field label={t("security.tokenName")} name="name" required maxLength={64} />
        <label className="field">
          <span>{t("security.tokenScopes")}</span>
          <select name="scope" defaultValue="read">
            <option value="read">read</option>
            <option value="write">write</option>
            <option value="*">*</option>
          </select>
        </label>
        <FormError error={create.error} />
        <button type="submit" disabled={create.isPending}>
          {t("security.createToken")}
        </button>
      </form>
    </section>
  );
}
