"use client";

import { toGuildhallError } from "@guildhall/client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { Field } from "~/components/field";
import { formText } from "~/lib/form";
import { useT } from "~/lib/i18n";
import { useTRPC } from "~/lib/trpc";

/** Opening a ticket: subject, description and category; the new ticket opens on success. */
export function NewTicketForm({ hubSlug, categories }: { hubSlug: string; categories: string[] }) {
  const t = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const create = useMutation(
    trpc.tickets.create.mutationOptions({
      onSuccess: (ticket) => router.push(`/hub/${hubSlug}/tickets/${ticket.id}`),
    }),
  );
  const error = create.error ? toGuildhallError(create.error) : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    create.mutate({
      hubSlug,
      subject: formText(form, "subject"),
      description: formText(form, "description"),
      category: formText(form, "category"),
    });
  }

  return (
    <section className="panel">
      <h2>{t("tickets.new")}</h2>
      <form className="stack" onSubmit={submit} data-testid="new-ticket">
        <Field
          label={t("tickets.subject")}
          name="subject"
          required
          minLength={3}
          maxLength={100}
          errors={error?.fieldErrors.subject}
        />
        <label className="field">
          <span>{t("tickets.description")}</span>
          <textarea name="description" required minLength={10} maxLength={2000} rows={4} />
          {error?.fieldErrors.description?.map((e) => (
            <small key={e} className="field-error">
              {e}
            </small>
          ))}
        </label>
        <label className="field">
          <span>{t("tickets.category")}</span>
          <select name="category">
            {categories.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={create.isPending}>
          {t("tickets.open")}
        </button>
        {error && !error.fieldErrors.subject && !error.fieldErrors.description ? (
          <p className="form-error" role="alert">
            {error.message}
          </p>
        ) : null}
      </form>
    </section>
  );
}
