import { redirect } from "next/navigation";
import { MyTickets } from "~/components/tickets/my-tickets";
import { currentUser } from "~/server/current-user";

/** The signed-in user's tickets across their hubs. */
export default async function MyTicketsPage() {
  const user = await currentUser();
  if (!user) redirect("/sign-in?next=/tickets");
  return <MyTickets me={user.userId} />;
}
