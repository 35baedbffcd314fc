import { processWide } from "@guildhall/process-wide";
import { isIP } from "node:net";
import proxyaddr from "proxy-addr";

/** Where a request came from: the socket's peer and the X-Forwarded-For it carried. */
export interface AddressSource {
  /** The address of the TCP peer (our server saw it; it cannot be forged). */
  peer: string | null;
  forwardedFor: string | null;
}

type Trust = (address: string, hop: number) => boolean;

/** TRUSTED_PROXIES compiled once per process and setting (addresses, CIDRs, keywords). */
function compiledTrust(trusted: readonly string[]): Trust {
  const cache = processWide("trustedProxies", () => new Map<string, Trust>());
  const key = trusted.join(",");
  let trust = cache.get(key);
  if (!trust) {
    trust = proxyaddr.compile([...trusted]);
    cache.set(key, trust);
  }
  return trust;
}

/** A syntactically valid IP address (IPv4-mapped IPv6 written as IPv4), or null. */
export function normalizeAddress(value: string | null | undefined): string | null {
  const address = value?.trim().replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, "$1");
  return address && isIP(address) ? address : null;
}

/** Whether `address` is one of the configured reverse proxies. */
export function isTrustedProxy(address: string | null, trusted: readonly string[]): boolean {
  const peer = normalizeAddress(address);
  return peer !== null && trusted.length > 0 && compiledTrust(trusted)(peer, 0);
}

/**
 * The client's address, with `proxy-addr`'s (Express's "trust proxy")
 * semantics: start at the socket's peer and, while the current address is a
 * trusted proxy, step to the entry it appended to X-Forwarded-For (right to
 * left). With no trusted proxies the peer is the client, whatever the headers
 * say. Only valid IP addresses are ever answered: a trusted proxy that
 * forwarded something else is taken as the client itself.
 */
export function clientAddress(source: AddressSource, trusted: readonly string[]): string | null {
  let client = normalizeAddress(source.peer);
  if (!client || trusted.length === 0 || !source.forwardedFor) return client;
  const trust = compiledTrust(trusted);
  const hops = source.forwardedFor.split(",").reverse();
  for (let hop = 0; hop < hops.length && trust(client, hop); hop++) {
    const next = normalizeAddress(hops[hop]);
    if (!next) break;
    client = next;
  }
  return client;
}
