"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useT } from "~/lib/i18n";
import { readAsDataUrl } from "~/lib/read-file";
import { useTRPC } from "~/lib/trpc";

export interface Attachment {
  key: string;
  name: string;
  size: number;
  type: string;
}

/** The largest file the server accepts (it checks again, from the bytes). */
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;

/** A file's content as base64 (without the data: prefix), as the upload procedure wants it. */
export async function readAsBase64(file: File): Promise<string> {
  return (await readAsDataUrl(file)).replace(/^data:[^,]*,/, "");
}

const fileIdOf = (key: string) => key.slice(key.lastIndexOf("/") + 1).replace(/\.[a-z]+$/, "");

/** A message's files; a click downloads one through the API (access is checked there). */
export function AttachmentList(props: { hubSlug: string; ticketId: string; files: Attachment[] }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  if (props.files.length === 0) return null;

  async function download(file: Attachment) {
    const answer = await queryClient.fetchQuery(
      trpc.tickets.attachments.get.queryOptions({
        hubSlug: props.hubSlug,
        ticketId: props.ticketId,
        fileId: fileIdOf(file.key),
      }),
    );
    const bytes = Uint8Array.from(atob(answer.data), (c) => c.charCodeAt(0));
    const url = URL.createObjectURL(new Blob([bytes], { type: answer.type }));
    const link = document.createElement("a");
    link.href = url;
    link.download = answer.name;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  return (
    <ul className="attachments" aria-label={t("tickets.attachments")}>
      {props.files.map((file) => (
        <li key={file.key}>
          <button type="button" className="link" onClick={() => void download(file)}>
            {file.name}
          </button>{" "}
          <small>{Math.max(1, Math.round(file.size / 1024))} KB</small>
        </li>
      ))}
    </ul>
  );
}
