"use client";

import { useRouter } from "next/navigation";
import { Field } from "~/components/field";
import { formText } from "~/lib/form";
import { useT } from "~/lib/i18n";
import { useTRPC } from "~/lib/trpc";
import { useFormMutation } from "~/lib/use-form-mutation";

/** Opening a ticket: subject, description and category; the new ticket opens on success. */
export function NewTicketForm({ hubSlug, categories }: { hubSlug: string; categories: string[] }) {
  const t = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const {
    mutation: create,
    onSubmit: submit,
    error,
  } = useFormMutation(
    trpc.tickets.create.mutationOptions({
      onSuccess: (ticket) => router.push(`/hub/${hubSlug}/tickets/${ticket.id}`),
    }),
    (form) => ({
      hubSlug,
      subject: formText(form, "subject"),
      description: formText(form, "description"),
      category: formText(form, "category"),
    }),
  );

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
