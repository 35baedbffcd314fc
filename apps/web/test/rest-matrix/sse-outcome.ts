/** What a subscription over `/api/v1/sse/<procedure>` answered one caller. */
export interface SseAnswer {
  url: string;
  status: number;
  /** "ok" when the first frame carried data; else the error's `code` (answer or failure frame). */
  outcome: string;
  /** Where a refusal came from: the HTTP answer before the stream, or an `event: failure` frame. */
  refusedBy: "status" | "frame" | null;
}

/** The first frame carrying something (comments skipped), as raw lines; null when the stream ends. */
async function firstFrame(response: Response): Promise<string[] | null> {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  try {
    for (;;) {
      let end = buffer.indexOf("\n\n");
      while (end >= 0) {
        const lines = buffer.slice(0, end).split("\n");
        buffer = buffer.slice(end + 2);
        const fields = lines.filter((line) => !line.startsWith(":") && !line.startsWith("retry:"));
        if (fields.length) return fields;
        end = buffer.indexOf("\n\n");
      }
      const chunk = await reader.read();
      if (chunk.done) return null;
      buffer += chunk.value;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

/** A query string of flat values, as the SSE route reads them (objects as JSON). */
function queryOf(input: unknown): string {
  const query = new URLSearchParams();
  if (input !== null && typeof input === "object")
    for (const [key, value] of Object.entries(input as Record<string, unknown>)) {
      if (value === undefined) continue;
      query.set(key, typeof value === "string" ? value : JSON.stringify(value));
    }
  return query.size ? `?${query}` : "";
}

/** Opens the subscription as `token` (or anonymously), waits for its first frame, closes it. */
export async function callSse(
  base: string,
  token: string | undefined,
  procedure: string,
  input: unknown,
): Promise<SseAnswer> {
  const url = `/api/v1/sse/${procedure}${queryOf(input)}`;
  const response = await fetch(`${base}${url}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
    signal: AbortSignal.timeout(15_000),
  });
  if (!response.ok) {
    const body = (await response.json()) as { code?: string };
    return { url, status: response.status, outcome: String(body.code), refusedBy: "status" };
  }
  const frame = await firstFrame(response);
  const data = frame?.find((line) => line.startsWith("data: "))?.slice(6);
  if (frame?.includes("event: failure")) {
    const body = JSON.parse(data ?? "{}") as { code?: string };
    return { url, status: response.status, outcome: String(body.code), refusedBy: "frame" };
  }
  // A stream that ends (or says `event: end`) before any data gave the caller nothing.
  const ok = frame !== null && !frame.includes("event: end") && data !== undefined;
  return { url, status: response.status, outcome: ok ? "ok" : "ENDED", refusedBy: null };
}
