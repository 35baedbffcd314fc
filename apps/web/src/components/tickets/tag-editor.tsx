"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useT } from "~/lib/i18n";
import { useTRPC } from "~/lib/trpc";
import { TAG_PATTERN } from "./filters";
import { FormError } from "~/components/form-error";

const MAX_TAGS = 10;

/** A ticket's tags as chips; staff add and remove them. */
export function TagEditor(props: {
  hubSlug: string;
  ticketId: string;
  tags: string[];
  editable: boolean;
  onDone: () => void;
}) {
  const t = useT();
  const trpc = useTRPC();
  const [draft, setDraft] = useState("");
  const [invalid, setInvalid] = useState(false);
  const update = useMutation(
    trpc.tickets.update.mutationOptions({
      onSuccess: () => {
        setDraft("");
        props.onDone();
      },
    }),
  );
  const save = (tags: string[]) =>
    update.mutate({ hubSlug: props.hubSlug, ticketId: props.ticketId, tags });

  function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const tag = draft.trim().toLowerCase();
    if (!tag) return;
    const ok = TAG_PATTERN.test(tag) && (props.tags.length < MAX_TAGS || props.tags.includes(tag));
    setInvalid(!ok);
    if (ok && !props.tags.includes(tag)) save([...props.tags, tag]);
  }

  if (!props.editable && props.tags.length === 0) return null;
  return (
    <div className="inline" data-testid="ticket-tags">
      <span>{t("tickets.tags")}:</span>
      <ul className="chips">
        {props.tags.map((tag) => (
          <li key={tag}>
            {tag}
            {props.editable ? (
              <button
                type="button"
                className="link"
                aria-label={t("tickets.removeTag", { tag })}
                disabled={update.isPending}
                onClick={() => save(props.tags.filter((other) => other !== tag))}
              >
                {" ×"}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {props.editable ? (
        <form className="inline" onSubmit={add}>
          <input
            aria-label={t("tickets.newTag")}
            placeholder={t("tickets.newTag")}
            value={draft}
            maxLength={30}
            aria-invalid={invalid || undefined}
            onChange={(e) => {
              setDraft(e.target.value);
              setInvalid(false);
            }}
          />
          <button type="submit" className="secondary" disabled={update.isPending}>
            {t("tickets.addTag")}
          </button>
        </form>
      ) : null}
      {invalid ? (
        <p className="form-error" role="alert">
          {t("tickets.tagInvalid")}
        </p>
      ) : null}
      <FormError error={update.error} withFields />
    </div>
  );
}
