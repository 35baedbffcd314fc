import { SettingsForm } from "~/components/hubs/settings-form";

export default async function HubSettingsPage({
  params,
}: {
  params: Promise<{ hubSlug: string }>;
}) {
  const { hubSlug } = await params;
  return <SettingsForm hubSlug={hubSlug} />;
}
