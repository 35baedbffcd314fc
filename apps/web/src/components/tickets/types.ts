import type { AppRouter } from "@guildhall/api";
import type { inferRouterOutputs } from "@trpc/server";

type Tickets = inferRouterOutputs<AppRouter>["tickets"];

/** A ticket as tickets.get answers it (names, unread count, SLA flag). */
export type Ticket = Tickets["get"];
/** One message as tickets.messages.list answers it. */
export type TicketMessage = Tickets["messages"]["list"]["items"][number];
