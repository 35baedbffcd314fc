import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { readBody, StandInServer, type Reply } from "./http";

const NS = "http://specs.openid.net/auth/2.0";
const SIGNED = "signed,op_endpoint,claimed_id,identity,return_to,response_nonce,assoc_handle";

/**
 * A stand-in for Steam's OpenID 2.0 provider and its Web API: it answers a
 * checkid_setup with a signed positive assertion for `nextSteamId`, verifies
 * signatures in check_authentication (stateless mode, as Steam does), and
 * serves GetPlayerSummaries.
 */
export class SteamStandIn extends StandInServer {
  private readonly key = randomBytes(32);
  nextSteamId = "76561198000000001";
  readonly personas = new Map<string, string>();
  readonly apiKey = "steam-key";

  get endpoint() {
    return `${this.url}/openid/login`;
  }

  private sign(fields: URLSearchParams): string {
    const signed = (fields.get("openid.signed") ?? "").split(",");
    const message = signed
      .map((name) => `${name}:${fields.get(`openid.${name}`) ?? ""}\n`)
      .join("");
    return createHmac("sha256", this.key).update(message).digest("base64");
  }

  protected async handle(req: IncomingMessage): Promise<Reply> {
    const url = new URL(req.url ?? "/", this.url);
    if (url.pathname === "/openid/login" && req.method === "GET") {
      const q = url.searchParams;
      if (q.get("openid.mode") !== "checkid_setup" || q.get("openid.ns") !== NS)
        return { status: 400, body: "bad request" };
      const returnTo = q.get("openid.return_to") ?? "";
      const claimed = `https://steamcommunity.com/openid/id/${this.nextSteamId}`;
      const answer = new URLSearchParams({
        "openid.ns": NS,
        "openid.mode": "id_res",
        "openid.op_endpoint": this.endpoint,
        "openid.claimed_id": claimed,
        "openid.identity": claimed,
        "openid.return_to": returnTo,
        "openid.response_nonce": `${new Date().toISOString().slice(0, 19)}Z${randomBytes(6).toString("hex")}`,
        "openid.assoc_handle": "1234567890",
        "openid.signed": SIGNED,
      });
      answer.set("openid.sig", this.sign(answer));
      const back = new URL(returnTo);
      for (const [k, v] of answer) back.searchParams.set(k, v);
      return { status: 302, headers: { location: back.toString() } };
    }
    if (url.pathname === "/openid/login" && req.method === "POST") {
      const form = new URLSearchParams(await readBody(req));
      const given = Buffer.from(form.get("openid.sig") ?? "");
      const expected = Buffer.from(this.sign(form));
      const valid =
        form.get("openid.mode") === "check_authentication" &&
        given.length === expected.length &&
        timingSafeEqual(given, expected);
      return { status: 200, body: `ns:${NS}\nis_valid:${valid}\n` };
    }
    if (url.pathname === "/ISteamUser/GetPlayerSummaries/v2/") {
      if (url.searchParams.get("key") !== this.apiKey) return { status: 403, body: "forbidden" };
      const id = url.searchParams.get("steamids") ?? "";
      const persona = this.personas.get(id);
      const players = persona ? [{ steamid: id, personaname: persona }] : [];
      return {
        status: 200,
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ response: { players } }),
      };
    }
    return { status: 404, body: "not found" };
  }
}
