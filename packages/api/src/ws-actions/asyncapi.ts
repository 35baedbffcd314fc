import { GUILDHALL_VERSION } from "@guildhall/core/version";
import { processWide } from "@guildhall/process-wide";
import { procedureMessages, protocolMessages, type Message } from "./asyncapi-messages";
import { schemaComponents } from "./asyncapi-schemas";
import { actionProcedures } from "./procedures";
import { actionSchemas } from "./schemas";

/** Where the action socket is served (the server's upgrade path). */
export const ACTION_SOCKET_PATH = "/api/ws/actions";

const description = [
  "Guildhall's procedures over one WebSocket (docs/ws-actions.md): authenticate with the first message,",
  "then send `{ action: <procedure path>, id, input }` and get `{ action, id, success, data | error }`;",
  "subscriptions run through `subscribe` and stream `event` frames. Inputs, outputs, errors, permissions",
  "and rate limits are those of the REST API (/api/openapi.json); close codes: 4001 session ended,",
  "4002 token expired, 4401 authentication failed, 4408 authentication timeout, 1009 frame too large,",
  "1013 reading too slowly.",
].join(" ");

const channelRef = { $ref: "#/channels/actions" };
const inChannel = (name: string) => ({ $ref: `#/channels/actions/messages/${name}` });

function operation(
  action: "send" | "receive",
  messages: string[],
  replies?: string[],
  title?: string,
) {
  return {
    action,
    channel: channelRef,
    ...(title ? { title } : {}),
    messages: messages.map(inChannel),
    ...(replies ? { reply: { channel: channelRef, messages: replies.map(inChannel) } } : {}),
  };
}

function build() {
  const components = schemaComponents();
  const schemas = actionSchemas("draft-7");
  const procedures = actionProcedures();
  const messages: Message[] = [
    ...protocolMessages(),
    ...procedures.flatMap((p) => procedureMessages(p, schemas[p.path]!, components)),
  ];
  const subscriptions = procedures.filter((p) => p.kind === "subscription").map((p) => p.path);
  const operations: Record<string, unknown> = {
    auth: operation("send", ["auth"], ["auth.reply"], "Authenticate"),
    ping: operation("send", ["ping"], ["pong"], "Ping"),
    subscribe: operation(
      "send",
      subscriptions.map((p) => `${p}.subscribe`),
      ["subscribe.reply"],
      "Subscribe",
    ),
    unsubscribe: operation("send", ["unsubscribe"], ["unsubscribe.reply"], "Unsubscribe"),
    events: operation(
      "receive",
      [...subscriptions.map((p) => `${p}.event`), "end", "error"],
      undefined,
      "Subscription frames",
    ),
    refusals: operation("receive", ["refusal"], undefined, "Refused frames"),
  };
  for (const p of procedures)
    if (p.kind !== "subscription")
      operations[p.path] = operation("send", [`${p.path}.request`], [`${p.path}.reply`], p.path);
  return {
    asyncapi: "3.0.0",
    info: { title: "Guildhall WebSocket actions", version: GUILDHALL_VERSION, description },
    defaultContentType: "application/json",
    channels: {
      actions: {
        address: ACTION_SOCKET_PATH,
        title: "The action socket",
        messages: Object.fromEntries(
          messages.map((m) => [m.name, { $ref: `#/components/messages/${m.name}` }]),
        ),
      },
    },
    operations,
    components: {
      schemas: components.schemas,
      messages: Object.fromEntries(
        messages.map(({ name, ...message }) => [name, { name, ...message }]),
      ),
    },
  };
}

/**
 * The AsyncAPI 3.0.0 document of the action socket, generated once per
 * process from the same procedures and zod schemas as the OpenAPI document;
 * `serverUrl` (`ws(s)://host/api/ws/actions`, where the caller reached us)
 * becomes its server and the channel's address.
 */
export function asyncApiDocument(serverUrl: string): Record<string, unknown> {
  const cached = processWide(
    "asyncApiDocument",
    (): { document?: ReturnType<typeof build> } => ({}),
  );
  const document = (cached.document ??= build());
  const url = new URL(serverUrl);
  const server = {
    host: url.host,
    protocol: url.protocol === "wss:" ? "wss" : "ws",
    description: "This Guildhall",
  };
  return {
    ...document,
    servers: { guildhall: server },
    channels: {
      actions: {
        ...document.channels.actions,
        address: url.pathname === "/" ? ACTION_SOCKET_PATH : url.pathname,
        servers: [{ $ref: "#/servers/guildhall" }],
      },
    },
  };
}
