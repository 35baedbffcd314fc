import { TicketInbox } from "~/components/tickets/ticket-inbox";

export default async function TicketsPage({ params }: { params: Promise<{ hubSlug: string }> }) {
  const { hubSlug } = await params;
  return <TicketInbox hubSlug={hubSlug} />;
}
