import { TicketView } from "~/components/tickets/ticket-view";

export default async function TicketPage({
  params,
}: {
  params: Promise<{ hubSlug: string; ticketId: string }>;
}) {
  const { hubSlug, ticketId } = await params;
  return <TicketView hubSlug={hubSlug} ticketId={ticketId} />;
}
