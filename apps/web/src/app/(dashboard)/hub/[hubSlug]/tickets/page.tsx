import { redirect } from "next/navigation";
import { readFilters } from "~/components/tickets/filters";
import { TicketInbox } from "~/components/tickets/ticket-inbox";
import type { SearchParams } from "~/lib/search-params";
import { currentUser } from "~/server/current-user";

/** A hub's ticket inbox; its filters come from (and go back to) the query string. */
export default async function TicketsPage({
  params,
  searchParams,
}: {
  params: Promise<{ hubSlug: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const [{ hubSlug }, query, user] = await Promise.all([params, searchParams, currentUser()]);
  if (!user) redirect("/sign-in");
  return <TicketInbox hubSlug={hubSlug} me={user.userId} initial={readFilters(query)} />;
}
