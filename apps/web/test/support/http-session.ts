/**
 * A minimal browser for HTTP tests: keeps the cookies one server sets and
 * never follows redirects on its own, so each hop can be inspected.
 */
export class HttpSession {
  readonly cookies = new Map<string, string>();

  constructor(readonly base: string) {}

  private remember(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";");
      const at = pair.indexOf("=");
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const expired = attributes.some((a) => {
        const [key = "", v = ""] = a.trim().split("=");
        return (
          (key.toLowerCase() === "max-age" && Number(v) <= 0) ||
          (key.toLowerCase() === "expires" && Date.parse(v) < Date.now())
        );
      });
      if (expired || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  private header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  /** A request to the server (relative path) or elsewhere (absolute URL, no cookies sent). */
  async fetch(target: string, init: RequestInit = {}): Promise<Response> {
    const own = target.startsWith("/") || target.startsWith(this.base);
    const url = target.startsWith("/") ? `${this.base}${target}` : target;
    const headers = new Headers(init.headers);
    if (own && this.cookies.size) headers.set("cookie", this.header());
    if (own) headers.set("origin", this.base);
    const response = await fetch(url, { ...init, headers, redirect: "manual" });
    if (own) this.remember(response);
    return response;
  }

  /** Posts a form (as a browser would). */
  post(target: string, form: Record<string, string>) {
    return this.fetch(target, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(form),
    });
  }

  /** Signs in as the dashboard's sign-in form does (next-auth credentials); returns the status. */
  async signIn(login: string, password: string): Promise<number> {
    const { csrfToken } = (await (await this.fetch("/api/auth/csrf")).json()) as {
      csrfToken: string;
    };
    const response = await this.post("/api/auth/callback/credentials", {
      csrfToken,
      login,
      password,
    });
    return response.status;
  }

  /** Signs out as the dashboard does (next-auth revokes the session). */
  async signOut(): Promise<number> {
    const { csrfToken } = (await (await this.fetch("/api/auth/csrf")).json()) as {
      csrfToken: string;
    };
    return (await this.post("/api/auth/signout", { csrfToken })).status;
  }

  /** A tRPC query with this session's cookie. */
  async query<T>(path: string): Promise<{ status: number; data?: T; code?: string }> {
    const response = await this.fetch(`/api/trpc/${path}`);
    const body = (await response.json()) as {
      result?: { data?: { json?: T } };
      error?: { json?: { data?: { code?: string } } };
    };
    return {
      status: response.status,
      data: body.result?.data?.json,
      code: body.error?.json?.data?.code,
    };
  }

  /** A tRPC mutation with this session's cookie. */
  async mutate<T>(
    path: string,
    input: unknown,
  ): Promise<{ status: number; data?: T; code?: string }> {
    const response = await this.fetch(`/api/trpc/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ json: input }),
    });
    const body = (await response.json()) as {
      result?: { data?: { json?: T } };
      error?: { json?: { data?: { code?: string } } };
    };
    return {
      status: response.status,
      data: body.result?.data?.json,
      code: body.error?.json?.data?.code,
    };
  }
}

/** Registers `username` over REST and signs it in: its access token. */
export async function signUpOverRest(base: string, username: string, password: string) {
  const json = { "content-type": "application/json" };
  const registered = await fetch(`${base}/api/v1/auth/register`, {
    method: "POST",
    headers: json,
    body: JSON.stringify({ username, email: `${username}@example.test`, password }),
  });
  if (registered.status !== 200) throw new Error(`register answered ${registered.status}`);
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: "POST",
    headers: json,
    body: JSON.stringify({ login: username, password }),
  });
  if (login.status !== 200) throw new Error(`login answered ${login.status}`);
  return ((await login.json()) as { accessToken: string }).accessToken;
}
