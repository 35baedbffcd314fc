import { MembersPanel } from "~/components/members/members-panel";

export default async function MembersPage({ params }: { params: Promise<{ hubSlug: string }> }) {
  const { hubSlug } = await params;
  return <MembersPanel hubSlug={hubSlug} />;
}
