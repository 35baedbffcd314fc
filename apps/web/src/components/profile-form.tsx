"use client";

import { toGuildhallError } from "@guildhall/client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ChangeEvent } from "react";
import { Field } from "~/components/field";
import { formText } from "~/lib/form";
import { useT } from "~/lib/i18n";
import { readAsDataUrl } from "~/lib/read-file";
import { useTRPC } from "~/lib/trpc";
import { useFormMutation } from "~/lib/use-form-mutation";

export function ProfileForm() {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useQuery(trpc.users.me.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.users.me.queryKey() });
  const {
    mutation: update,
    onSubmit: save,
    error,
  } = useFormMutation(trpc.users.updateMe.mutationOptions({ onSuccess: refresh }), (form) => ({
    displayName: formText(form, "displayName") || null,
    status: formText(form, "status") || null,
    bio: formText(form, "bio") || null,
    timezone: formText(form, "timezone") || null,
  }));
  const upload = useMutation(trpc.users.setAvatar.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.users.removeAvatar.mutationOptions({ onSuccess: refresh }));
  const uploadError = upload.error ? toGuildhallError(upload.error) : null;

  async function pick(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (file) upload.mutate({ image: await readAsDataUrl(file) });
  }

  if (!me.data) return null;
  return (
    <>
      <section className="panel" data-testid="avatar-panel">
        <h2>{t("profile.avatar")}</h2>
        {me.data.avatarUrl ? (
          <img
            src={me.data.avatarUrl}
            alt=""
            width={96}
            height={96}
            style={{ borderRadius: "50%", objectFit: "cover" }}
            data-testid="avatar"
          />
        ) : null}
        <div className="stack">
          <label className="field">
            <span>{t("profile.upload")}</span>
            <input
              type="file"
              accept="image/png,image/jpeg,image/gif,image/webp"
              onChange={(e) => void pick(e)}
              data-testid="avatar-input"
            />
          </label>
          {uploadError ? (
            <p className="form-error" role="alert">
              {uploadError.fieldErrors.image?.[0] ?? uploadError.message}
            </p>
          ) : null}
          {me.data.avatarUrl ? (
            <button type="button" className="secondary" onClick={() => remove.mutate()}>
              {t("profile.removeAvatar")}
            </button>
          ) : null}
        </div>
      </section>
      <section className="panel">
        <form className="stack" onSubmit={save} key={me.data.username}>
          <Field
            label={t("profile.displayName")}
            name="displayName"
            defaultValue={me.data.displayName ?? ""}
            maxLength={64}
            errors={error?.fieldErrors.displayName}
          />
          <Field
            label={t("profile.status")}
            name="status"
            defaultValue={me.data.status ?? ""}
            maxLength={30}
            errors={error?.fieldErrors.status}
          />
          <Field
            label={t("profile.bio")}
            name="bio"
            defaultValue={me.data.bio ?? ""}
            maxLength={2000}
            errors={error?.fieldErrors.bio}
          />
          <Field
            label={t("profile.timezone")}
            name="timezone"
            defaultValue={me.data.timezone ?? ""}
            placeholder="Europe/Berlin"
            errors={error?.fieldErrors.timezone}
          />
          {update.isSuccess ? <p role="status">{t("profile.saved")}</p> : null}
          <button type="submit" disabled={update.isPending}>
            {t("profile.save")}
          </button>
        </form>
      </section>
    </>
  );
}
