/**
 * WebSocket clients of the WebSocket benches, in this process (the `ws`
 * package, as Node 20 has no WebSocket): opened in batches, each told when it
 * is live, receipt times per message as fan-out.ts keeps them for EventSource
 * clients (so `measureFanOut` measures both the same way).
 */
import WebSocket from "ws";

/** How one kind of client talks: where, what it says once open, when it is live, what it counts. */
export interface WsProtocol {
  url: string;
  headers?: Record<string, string>;
  /** Frames sent as soon as the socket is open (auth, subscribe). */
  hello: string[];
  /** A frame saying the client is live (its subscription started); none: live once open. */
  ready?: (frame: WsFrame) => boolean;
  /** A frame refusing the client (an error answer): it counts as not opened. */
  refused?: (frame: WsFrame) => boolean;
  /** The message number a frame carries, or null for frames not counted. */
  match: (frame: WsFrame) => number | null;
}

/** A JSON frame of either protocol (or the bare baseline's copy of one), read defensively. */
export interface WsFrame {
  id?: unknown;
  action?: unknown;
  success?: unknown;
  error?: unknown;
  data?: unknown;
  result?: { type?: unknown; id?: unknown; data?: { json?: unknown } };
}

export interface WsClients {
  /** Receipt times (performance.now()) per message number. */
  receipts: Map<number, number[]>;
  /** How many clients became live. */
  opened: number;
  /** Bytes of the first counted frame (to compare frame sizes across servers). */
  frameBytes: () => number | null;
  /** Why clients did not become live (first few reasons). */
  failures: string[];
  close: () => void;
}

/**
 * Opens `count` clients `batch` at a time (each batch waits until its clients
 * are live, refused, closed, or `timeoutMs` passed), so the server sees a
 * steady stream of upgrades rather than one burst.
 */
export async function openWsClients(
  count: number,
  protocol: WsProtocol,
  options: { batch?: number; timeoutMs?: number } = {},
): Promise<WsClients> {
  const batch = options.batch ?? 100;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const receipts = new Map<number, number[]>();
  const sockets: WebSocket[] = [];
  const failures: string[] = [];
  let opened = 0;
  let frameBytes: number | null = null;
  const fail = (why: string) => {
    if (failures.length < 5) failures.push(why);
  };

  const openOne = () =>
    new Promise<void>((resolve) => {
      const socket = new WebSocket(protocol.url, {
        headers: protocol.headers,
        perMessageDeflate: false,
      });
      sockets.push(socket);
      let live = false;
      const timer = setTimeout(() => {
        fail("not live in time");
        resolve();
      }, timeoutMs);
      const becameLive = () => {
        if (live) return;
        live = true;
        opened++;
        clearTimeout(timer);
        resolve();
      };
      socket.on("open", () => {
        for (const frame of protocol.hello) socket.send(frame);
        if (!protocol.ready) becameLive();
      });
      socket.on("message", (data: Buffer, isBinary: boolean) => {
        const at = performance.now();
        const text = isBinary ? "" : data.toString("utf8");
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {
          return;
        }
        if (typeof parsed !== "object" || parsed === null) return;
        const frame = parsed as WsFrame;
        if (!live) {
          if (protocol.refused?.(frame)) {
            fail(`refused: ${text.slice(0, 300)}`);
            clearTimeout(timer);
            resolve();
          } else if (protocol.ready?.(frame)) becameLive();
          return;
        }
        const n = protocol.match(frame);
        if (n === null) return;
        frameBytes ??= data.byteLength;
        const list = receipts.get(n) ?? [];
        list.push(at);
        receipts.set(n, list);
      });
      socket.on("error", (error) => fail(`error: ${error.message}`));
      socket.on("close", (code, reason) => {
        if (live) return;
        fail(`closed ${code} ${reason.toString()}`);
        clearTimeout(timer);
        resolve();
      });
    });

  for (let start = 0; start < count; start += batch) {
    const size = Math.min(batch, count - start);
    await Promise.all(Array.from({ length: size }, openOne));
  }
  return {
    receipts,
    opened,
    frameBytes: () => frameBytes,
    failures,
    close: () => sockets.forEach((socket) => socket.terminate()),
  };
}
