/**
 * Guildhall's side of a fan-out bench: sign in as the seeded admin over REST,
 * open one ticket in the demo hub, and send messages to it over REST (the
 * way tickets.bench does), each message `bench <n>`.
 */
import { sanityCheck } from "./lib";

export async function prepareTicket(bench: string, url: string, password: string) {
  const call = async (path: string, body: unknown, token?: string) => {
    const response = await fetch(`${url}/api/v1${path}`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify(body),
    });
    sanityCheck(bench, response.ok, `POST ${path} answered ${response.status}`);
    // Whitelisted: the limiter is not part of this measurement.
    sanityCheck(
      bench,
      !response.headers.has("x-ratelimit-remaining"),
      `POST ${path} was rate limited`,
    );
    return (await response.json()) as Record<string, unknown>;
  };
  const { accessToken } = (await call("/auth/login", { login: "admin", password })) as {
    accessToken: string;
  };
  const ticket = await call(
    "/hubs/demo/tickets",
    { subject: "Bench ticket", description: "Fan-out to many subscribers.", category: "Support" },
    accessToken,
  );
  const send = async (n: number) => {
    await call(
      `/hubs/demo/tickets/${String(ticket.id)}/messages`,
      { body: `bench ${n}` },
      accessToken,
    );
  };
  return { ticketId: String(ticket.id), accessToken, send };
}
