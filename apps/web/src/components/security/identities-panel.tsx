"use client";

import { toGuildhallError } from "@guildhall/client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { providerNames, startProvider } from "~/components/provider-buttons";
import { useErrorText, useT } from "~/lib/i18n";
import { useTRPC } from "~/lib/trpc";
import { FormError } from "~/components/form-error";

/** Linked sign-in providers: link (runs the provider flow while signed in) and unlink. */
export function IdentitiesPanel({ error, provider }: { error?: string; provider?: string }) {
  const t = useT();
  const errorText = useErrorText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const methods = useQuery(trpc.identities.list.queryOptions());
  const unlink = useMutation(
    trpc.identities.unlink.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.identities.list.queryKey() }),
    }),
  );
  const data = methods.data;
  if (!data || (data.available.length === 0 && data.identities.length === 0)) return null;
  const providers = [
    ...new Set([...data.available, ...data.identities.map((identity) => identity.provider)]),
  ];
  const failure = unlink.error ? toGuildhallError(unlink.error) : null;
  return (
    <section className="panel" data-testid="identities-panel">
      <h2>{t("security.linked")}</h2>
      {error ? (
        <p className="form-error" role="alert">
          {errorText(error, "auth.failed", { provider: provider ?? "" })}
        </p>
      ) : null}
      <ul className="rows">
        {providers.map((name) => {
          const linked = data.identities.find((identity) => identity.provider === name);
          return (
            <li key={name} data-testid={`identity-${name}`}>
              <span>
                <strong>{providerNames[name]}</strong> ·{" "}
                {linked ? (linked.displayName ?? "✓") : t("security.notLinked")}
              </span>
              {linked ? (
                <button
                  type="button"
                  className="secondary"
                  onClick={() => unlink.mutate({ provider: name })}
                >
                  {t("security.unlink")}
                </button>
              ) : data.available.includes(name) ? (
                <button type="button" onClick={() => startProvider(name, "/account/security")}>
                  {t("security.link")}
                </button>
              ) : null}
            </li>
          );
        })}
      </ul>
      <FormError error={failure} />
    </section>
  );
}
