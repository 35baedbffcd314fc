import { createHash, randomBytes } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { readBody, StandInServer, type Reply } from "./http";

export interface OAuthUser {
  id: string;
  [key: string]: unknown;
}

interface Grant {
  user: OAuthUser;
  challenge: string;
  redirectUri: string;
  clientId: string;
  used: boolean;
}

/**
 * A stand-in OAuth 2.0 provider (authorization code + PKCE S256) serving
 * Discord's paths under /discord and Yandex's under /yandex-oauth and
 * /yandex-login. It enforces what the real ones do: client credentials,
 * redirect URI, single-use codes and the PKCE verifier.
 */
export class OAuthStandIn extends StandInServer {
  private grants = new Map<string, Grant>();
  private tokens = new Map<string, OAuthUser>();
  /** Who "logs in" at the provider on the next authorize request. */
  nextUser: OAuthUser = { id: "0" };
  readonly clientId = "client-id";
  readonly clientSecret = "client-secret";
  /** Requests the provider saw, for assertions. */
  readonly log: string[] = [];

  protected async handle(req: IncomingMessage): Promise<Reply> {
    const url = new URL(req.url ?? "/", this.url);
    this.log.push(`${req.method} ${url.pathname}`);
    const json = (status: number, body: unknown) => ({
      status,
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    if (url.pathname.endsWith("/authorize")) {
      const q = url.searchParams;
      if (q.get("client_id") !== this.clientId || q.get("response_type") !== "code")
        return json(400, { error: "invalid_request" });
      if (q.get("code_challenge_method") !== "S256" || !q.get("code_challenge") || !q.get("state"))
        return json(400, { error: "pkce_and_state_required" });
      const code = randomBytes(16).toString("hex");
      this.grants.set(code, {
        user: this.nextUser,
        challenge: q.get("code_challenge")!,
        redirectUri: q.get("redirect_uri") ?? "",
        clientId: q.get("client_id")!,
        used: false,
      });
      const back = new URL(q.get("redirect_uri") ?? "");
      back.searchParams.set("code", code);
      back.searchParams.set("state", q.get("state")!);
      return { status: 302, headers: { location: back.toString() } };
    }
    if (url.pathname.endsWith("/token") && req.method === "POST") {
      const form = new URLSearchParams(await readBody(req));
      const basic = (req.headers.authorization ?? "").replace(/^Basic /, "");
      const [id, secret] = Buffer.from(basic, "base64")
        .toString()
        .split(":")
        .map(decodeURIComponent);
      const clientId = id ?? form.get("client_id");
      const clientSecret = secret ?? form.get("client_secret");
      if (clientId !== this.clientId || clientSecret !== this.clientSecret)
        return json(401, { error: "invalid_client" });
      const grant = this.grants.get(form.get("code") ?? "");
      if (!grant || grant.used || grant.redirectUri !== form.get("redirect_uri"))
        return json(400, { error: "invalid_grant" });
      const verifier = form.get("code_verifier") ?? "";
      if (createHash("sha256").update(verifier).digest("base64url") !== grant.challenge)
        return json(400, { error: "invalid_grant", error_description: "PKCE verifier mismatch" });
      grant.used = true;
      const token = randomBytes(16).toString("hex");
      this.tokens.set(token, grant.user);
      return json(200, {
        access_token: token,
        token_type: "Bearer",
        expires_in: 3600,
        scope: "identify email",
      });
    }
    if (url.pathname.endsWith("/users/@me") || url.pathname.endsWith("/info")) {
      const token = (req.headers.authorization ?? "").replace(/^(Bearer|OAuth) /, "");
      const user = this.tokens.get(token);
      return user ? json(200, user) : json(401, { error: "invalid_token" });
    }
    return json(404, { error: "not_found" });
  }
}
