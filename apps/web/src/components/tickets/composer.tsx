"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useRef, useState, type FormEvent } from "react";
import { useT } from "~/lib/i18n";
import { useTRPC } from "~/lib/trpc";
import { useThrottled } from "~/lib/typing";
import { MAX_ATTACHMENT_BYTES, readAsBase64 } from "./attachments";
import { FormError } from "~/components/form-error";

/**
 * Writing a message (Markdown): files go up first, then the message naming
 * them; typing sends a throttled live signal. Staff add internal notes and
 * insert canned replies.
 */
export function Composer(props: {
  hubSlug: string;
  ticketId: string;
  staff: boolean;
  onSent: () => void;
}) {
  const t = useT();
  const trpc = useTRPC();
  const { hubSlug, ticketId, staff } = props;
  const replies = useQuery({
    ...trpc.tickets.cannedReplies.list.queryOptions({ hubSlug }),
    enabled: staff,
  });
  const [body, setBody] = useState("");
  const [internal, setInternal] = useState(false);
  const [files, setFiles] = useState<File[]>([]);
  const [fileError, setFileError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const send = useMutation(
    trpc.tickets.messages.send.mutationOptions({
      onSuccess: () => {
        setBody("");
        setFiles([]);
        if (fileInput.current) fileInput.current.value = "";
        props.onSent();
      },
    }),
  );
  const upload = useMutation(trpc.tickets.attachments.upload.mutationOptions());
  const signalTyping = useMutation(trpc.tickets.typing.mutationOptions());
  const typingNow = useThrottled(() => signalTyping.mutate({ hubSlug, ticketId }));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!body.trim()) return;
    const attachments = [];
    for (const file of files) {
      const stored = await upload
        .mutateAsync({ hubSlug, ticketId, name: file.name, data: await readAsBase64(file) })
        .catch(() => null);
      if (!stored) return;
      attachments.push({ key: stored.key, name: stored.name });
    }
    send.mutate({ hubSlug, ticketId, body, internal: staff && internal, attachments });
  }

  function pickFiles(list: FileList | null) {
    const picked = [...(list ?? [])].slice(0, 5);
    const tooBig = picked.find((file) => file.size > MAX_ATTACHMENT_BYTES);
    setFileError(tooBig ? t("tickets.fileTooLarge", { name: tooBig.name }) : null);
    setFiles(tooBig ? [] : picked);
  }

  return (
    <form className="stack" onSubmit={(event) => void submit(event)} data-testid="composer">
      {staff && (replies.data?.items.length ?? 0) > 0 ? (
        <select
          aria-label={t("tickets.cannedReplies")}
          value=""
          onChange={(event) => {
            const reply = replies.data?.items.find((r) => r.id === event.target.value);
            if (reply) setBody((now) => (now ? `${now}\n${reply.body}` : reply.body));
          }}
        >
          <option value="">{t("tickets.cannedReplies")}</option>
          {replies.data?.items.map((reply) => (
            <option key={reply.id} value={reply.id}>
              {reply.title}
            </option>
          ))}
        </select>
      ) : null}
      <textarea
        aria-label={t("tickets.message")}
        value={body}
        maxLength={4000}
        rows={3}
        onChange={(event) => {
          setBody(event.target.value);
          typingNow();
        }}
      />
      <small className="note">{t("tickets.markdownHint")}</small>
      <label>
        {t("tickets.attachFiles")}
        <input
          ref={fileInput}
          type="file"
          multiple
          data-testid="attach-files"
          accept="image/png,image/jpeg,image/gif,image/webp,application/pdf,.txt,.log,.md,.csv"
          onChange={(event) => pickFiles(event.target.files)}
        />
      </label>
      {fileError ? (
        <p className="form-error" role="alert">
          {fileError}
        </p>
      ) : null}
      {staff ? (
        <label className="check">
          <input
            type="checkbox"
            checked={internal}
            onChange={(e) => setInternal(e.target.checked)}
          />
          {t("tickets.internalNote")}
        </label>
      ) : null}
      <button type="submit" disabled={send.isPending || upload.isPending}>
        {t("tickets.send")}
      </button>
      <FormError error={send.error ?? upload.error} withFields />
    </form>
  );
}
