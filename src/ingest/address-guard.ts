// SSRF guard: feeds are user-supplied URLs, so a fetch must never reach loopback, private, link-local (cloud
// metadata at 169.254.169.254) or other non-public addresses unless the operator allows it. The check runs in
// the connection's DNS lookup, so the address that was checked is the address that is dialled (no DNS rebinding).
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { BlockList, isIP } from "node:net";
import { FetchError } from "./types.ts";

const BLOCKED = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8], // "this network"
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // CGNAT
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local, cloud metadata
  ["172.16.0.0", 12],
  ["192.0.0.0", 24], // IETF protocol assignments
  ["192.0.2.0", 24], // TEST-NET-1
  ["192.168.0.0", 16],
  ["198.18.0.0", 15], // benchmarking
  ["198.51.100.0", 24], // TEST-NET-2
  ["203.0.113.0", 24], // TEST-NET-3
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, broadcast
] as const) {
  BLOCKED.addSubnet(net, prefix, "ipv4");
}
for (const [net, prefix] of [
  ["::", 96], // unspecified, loopback ::1 and deprecated IPv4-compatible addresses
  ["100::", 64], // discard
  ["2001:db8::", 32], // documentation
  ["fc00::", 7], // unique local
  ["fe80::", 10], // link-local
  ["fec0::", 10], // old site-local
  ["ff00::", 8], // multicast
  // IPv6 transition prefixes refused whatever IPv4 address they carry (the others are judged by that address,
  // see embeddedIpv4):
  // - Teredo (RFC 4380) carries two IPv4 addresses, the server's and the client's (bit-inverted), and a host
  //   with a Teredo interface would send UDP to that client address. Teredo is retired; no public feed server
  //   is reached through it, so judging two embedded addresses is not worth its risk.
  ["2001::", 32],
  // - Local-use NAT64 (RFC 8215) is a site's own prefix, not a public address, and where the IPv4 address sits
  //   inside it depends on the prefix length the site chose (RFC 6052 section 2.2): it cannot be read reliably.
  //   A site that reaches IPv4 feeds only through such a prefix allows it per feed (allowPrivate) or overall.
  ["64:ff9b:1::", 48],
  // - SIIT's IPv4-translated form ::ffff:0:a.b.c.d (RFC 2765) names a host behind a stateless translator; it
  //   is not routed on the Internet, so a public name resolving to it is a trick.
  ["::ffff:0:0:0", 96],
] as const) {
  BLOCKED.addSubnet(net, prefix, "ipv6");
}

/** The eight 16-bit groups of an IPv6 address (accepts a trailing dotted quad). */
function ipv6Groups(address: string): number[] {
  let addr = address.split("%")[0]!.toLowerCase();
  const quad = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(addr);
  if (quad) {
    const [a, b, c, d] = quad.slice(1).map(Number) as [number, number, number, number];
    addr = addr.slice(0, quad.index) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = addr.includes("::") ? addr.split("::") : [addr, null];
  const left = head ? head.split(":").filter((g) => g !== "") : [];
  const right = tail ? tail.split(":").filter((g) => g !== "") : [];
  const fill = tail === null ? [] : new Array<string>(8 - left.length - right.length).fill("0");
  return [...left, ...fill, ...right].map((g) => Number.parseInt(g, 16));
}

/**
 * The IPv4 address a packet to this IPv6 address ends up at, for the prefixes where that is well defined and
 * the address is judged as that IPv4 address (public: allowed; private or loopback: refused), else null:
 * - IPv4-mapped ::ffff:a.b.c.d: the socket itself connects over IPv4 to a.b.c.d.
 * - NAT64 well-known prefix 64:ff9b::a.b.c.d (RFC 6052): how an IPv6-only network with DNS64 reaches every
 *   IPv4-only site, so it must work for public addresses; the translator then dials a.b.c.d.
 * - 6to4 2002:AABB:CCDD::/48 (RFC 3056, deprecated by RFC 7526): a 6to4 host tunnels to the IPv4 address
 *   AA.BB.CC.DD, which must therefore not be private; a public one is an ordinary remote site.
 */
function embeddedIpv4(address: string): string | null {
  const g = ipv6Groups(address);
  if (g.length !== 8) return null;
  const quad = (hi: number, lo: number) => [hi >> 8, hi & 0xff, lo >> 8, lo & 0xff].join(".");
  const mapped = g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff;
  const nat64 = g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0);
  if (mapped || nat64) return quad(g[6]!, g[7]!);
  if (g[0] === 0x2002) return quad(g[1]!, g[2]!);
  return null;
}

/** True for any address a public feed fetch must not reach. Unparsable input counts as blocked. */
export function isBlockedAddress(address: string): boolean {
  const ip = address.replace(/^\[|\]$/g, "");
  const family = isIP(ip.split("%")[0]!);
  if (family === 4) return BLOCKED.check(ip, "ipv4");
  if (family !== 6) return true;
  const v4 = embeddedIpv4(ip);
  if (v4 !== null) return BLOCKED.check(v4, "ipv4");
  return BLOCKED.check(ip.split("%")[0]!, "ipv6");
}

export interface AddressPolicy {
  allowPrivate: boolean;
  /** Lets one otherwise blocked address through (an operator allow-list; tests use it for loopback servers). */
  allowAddress?: (address: string) => boolean;
}

function refused(policy: AddressPolicy, address: string): boolean {
  return !policy.allowPrivate && isBlockedAddress(address) && !(policy.allowAddress?.(address) ?? false);
}

function blockedError(host: string, address: string): FetchError {
  return new FetchError("blocked-address", `refusing to connect to ${host} (${address}): not a public address`);
}

/**
 * Checks a URL's host before any connection: IP literals are judged here (the OS never looks them up).
 * Host names are judged at connect time by `guardedLookup`.
 */
export function assertUrlHostAllowed(url: URL, policy: AddressPolicy): void {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(host) !== 0 && refused(policy, host)) throw blockedError(url.hostname, host);
  // Names the resolver maps to loopback without DNS; refuse them early for a clear message.
  if (!policy.allowPrivate && /^(localhost|.*\.localhost)\.?$/i.test(host) && !(policy.allowAddress?.("127.0.0.1") ?? false)) {
    throw blockedError(host, "loopback");
  }
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;
export type LookupFunction = (hostname: string, options: { all?: boolean; family?: number }, callback: LookupCallback) => void;

/**
 * A `lookup` for the connection layer: resolves every address of the host, refuses the connection if any of
 * them is blocked (a name that mixes public and private answers is a rebinding attempt), and hands the
 * connection only the checked addresses.
 */
export function guardedLookup(policy: AddressPolicy): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { all: true, family: options.family ?? 0 }, (err, addresses) => {
      if (err) return callback(err, []);
      const bad = addresses.find((a) => refused(policy, a.address));
      if (bad) return callback(blockedError(hostname, bad.address) as unknown as NodeJS.ErrnoException, []);
      if (addresses.length === 0) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: "ENOTFOUND" }), []);
      if (options.all) return callback(null, addresses);
      return callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}
