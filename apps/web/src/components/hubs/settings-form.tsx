"use client";

import { toGuildhallError } from "@guildhall/client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type ChangeEvent, type FormEvent } from "react";
import { Field } from "~/components/field";
import { formText } from "~/lib/form";
import { useHubPermissions } from "~/lib/hub-permissions";
import { useT } from "~/lib/i18n";
import { readAsDataUrl } from "~/lib/read-file";
import { useTRPC } from "~/lib/trpc";
import { FormError } from "~/components/form-error";

const locales = ["en", "de", "ru", "zh-TW"] as const;

/** Hub settings and branding; read-only without hub.update, archive with hub.archive. */
export function SettingsForm({ hubSlug }: { hubSlug: string }) {
  const t = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const perms = useHubPermissions(hubSlug);
  const settings = useQuery(trpc.hubs.settings.queryOptions({ hubSlug }));
  const save = useMutation(
    trpc.hubs.updateSettings.mutationOptions({
      onSuccess: () =>
        queryClient.invalidateQueries({ queryKey: trpc.hubs.settings.queryKey({ hubSlug }) }),
    }),
  );
  const archive = useMutation(
    trpc.hubs.archive.mutationOptions({ onSuccess: () => router.push("/hubs") }),
  );
  // The sidebar and the hub bar show the logo too: they are rendered on the server.
  const logoChanged = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.hubs.settings.queryKey({ hubSlug }) });
    router.refresh();
  };
  const uploadLogo = useMutation(trpc.hubs.uploadLogo.mutationOptions({ onSuccess: logoChanged }));
  const removeLogo = useMutation(trpc.hubs.removeLogo.mutationOptions({ onSuccess: logoChanged }));
  const hub = settings.data;
  if (!hub) return null;
  const editable = perms.can("hub.update");
  const error = save.error ? toGuildhallError(save.error) : null;
  const logoError = uploadLogo.error ? toGuildhallError(uploadLogo.error) : null;

  async function pickLogo(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (file) uploadLogo.mutate({ hubSlug, image: await readAsDataUrl(file) });
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const color = (name: string) => formText(form, name) || null;
    save.mutate({
      hubSlug,
      name: formText(form, "name"),
      description: formText(form, "description"),
      defaultLocale: formText(form, "defaultLocale") as (typeof locales)[number],
      timezone: formText(form, "timezone"),
      primaryColor: color("primaryColor"),
      accentColor: color("accentColor"),
      distanceUnit: formText(form, "distanceUnit") as "km" | "mi",
      joinPolicy: formText(form, "joinPolicy") as "open" | "application" | "invite",
      modules: formText(form, "modules")
        .split(",")
        .map((m) => m.trim())
        .filter(Boolean),
      ...(perms.superAdmin ? { streamLimit: Number(formText(form, "streamLimit")) } : {}),
    });
  }

  return (
    <section className="panel" data-testid="hub-settings">
      <h1 data-testid="page-heading">{t("settings.heading")}</h1>
      <div className="stack" data-testid="hub-logo-panel">
        <h2>{t("settings.logo")}</h2>
        {hub.logoUrl ? (
          <img
            src={hub.logoUrl}
            alt={hub.name}
            width={96}
            height={96}
            style={{ objectFit: "contain", borderRadius: 8 }}
            data-testid="hub-logo-preview"
          />
        ) : (
          <p className="note">{t("settings.noLogo")}</p>
        )}
        {editable ? (
          <>
            <label className="field">
              <span>{t("settings.uploadLogo")}</span>
              <input
                type="file"
                accept="image/png,image/jpeg,image/gif,image/webp"
                disabled={uploadLogo.isPending}
                onChange={(e) => void pickLogo(e)}
                data-testid="hub-logo-input"
              />
            </label>
            {logoError ? (
              <p className="form-error" role="alert">
                {logoError.fieldErrors.image?.[0] ?? logoError.message}
              </p>
            ) : null}
            {hub.logoUrl ? (
              <button
                type="button"
                className="secondary"
                disabled={removeLogo.isPending}
                onClick={() => removeLogo.mutate({ hubSlug })}
              >
                {t("settings.removeLogo")}
              </button>
            ) : null}
          </>
        ) : null}
      </div>
      <form className="stack" onSubmit={submit}>
        <fieldset disabled={!editable} className="stack">
          <Field
            label={t("hubs.name")}
            name="name"
            defaultValue={hub.name}
            required
            errors={error?.fieldErrors.name}
          />
          <Field label={t("hubs.description")} name="description" defaultValue={hub.description} />
          <label className="field">
            <span>{t("settings.language")}</span>
            <select name="defaultLocale" defaultValue={hub.defaultLocale}>
              {locales.map((l) => (
                <option key={l} value={l}>
                  {l}
                </option>
              ))}
            </select>
          </label>
          <Field
            label={t("settings.timezone")}
            name="timezone"
            defaultValue={hub.timezone}
            errors={error?.fieldErrors.timezone}
          />
          <Field
            label={t("settings.primaryColor")}
            name="primaryColor"
            type="color"
            defaultValue={hub.primaryColor ?? "#4f46e5"}
          />
          <Field
            label={t("settings.accentColor")}
            name="accentColor"
            type="color"
            defaultValue={hub.accentColor ?? "#0ea5e9"}
          />
          <label className="field">
            <span>{t("settings.distanceUnit")}</span>
            <select name="distanceUnit" defaultValue={hub.distanceUnit}>
              <option value="km">km</option>
              <option value="mi">mi</option>
            </select>
          </label>
          <label className="field">
            <span>{t("settings.joinPolicy")}</span>
            <select name="joinPolicy" defaultValue={hub.joinPolicy}>
              <option value="open">{t("settings.joinOpen")}</option>
              <option value="application">{t("settings.joinApplication")}</option>
              <option value="invite">{t("settings.joinInvite")}</option>
            </select>
          </label>
          <Field
            label={t("settings.modules")}
            name="modules"
            defaultValue={hub.modules.join(", ")}
            errors={error?.fieldErrors.modules}
          />
          <Field
            label={t("settings.streamLimit")}
            name="streamLimit"
            type="number"
            min={0}
            defaultValue={hub.streamLimit}
            disabled={!perms.superAdmin}
          />
          {editable ? <button type="submit">{t("settings.save")}</button> : null}
        </fieldset>
        {save.isSuccess ? <p role="status">{t("settings.saved")}</p> : null}
        <FormError error={error} />
      </form>
      {perms.can("hub.archive") ? (
        <button
          type="button"
          className="danger"
          onClick={() => {
            if (window.confirm(t("settings.archiveConfirm"))) archive.mutate({ hubSlug });
          }}
        >
          {t("settings.archive")}
        </button>
      ) : null}
    </section>
  );
}
