import { RolesEditor } from "~/components/roles/roles-editor";

export default async function RolesPage({ params }: { params: Promise<{ hubSlug: string }> }) {
  const { hubSlug } = await params;
  return <RolesEditor hubSlug={hubSlug} />;
}
