import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { addressRangeList } from '@hub/config';

/**
 * Where a webhook may go. An organisation's BEHEERDER chooses the URL, and the hub POSTs to it from inside its own
 * network, so without these checks a URL could reach the hub's database, its subgraphs' /internal routes or the cloud
 * metadata service (SSRF). The same rules run at registration and at every delivery; at delivery the name is resolved
 * right before connecting and the connection goes to the address that was checked, so a DNS answer that changes
 * between check and connect (rebinding) is never used.
 *
 * Node's own net.BlockList does the range matching (no dependency to keep up to date); the ranges are the
 * special-purpose registries of IANA for IPv4 and IPv6, all refused unless WEBHOOK_ALLOWED_PRIVATE_RANGES opens them.
 */

type Family = 'ipv4' | 'ipv6';

const INTERNAL_RANGES: readonly (readonly [string, number, Family])[] = [
  ['0.0.0.0', 8, 'ipv4'], // "this network", 0.0.0.0 included
  ['10.0.0.0', 8, 'ipv4'], // private
  ['100.64.0.0', 10, 'ipv4'], // carrier-grade NAT
  ['127.0.0.0', 8, 'ipv4'], // loopback
  ['169.254.0.0', 16, 'ipv4'], // link-local, cloud metadata (169.254.169.254)
  ['172.16.0.0', 12, 'ipv4'], // private
  ['192.0.0.0', 24, 'ipv4'], // IETF protocol assignments
  ['192.0.2.0', 24, 'ipv4'], // documentation
  ['192.88.99.0', 24, 'ipv4'], // 6to4 relay anycast
  ['192.168.0.0', 16, 'ipv4'], // private
  ['198.18.0.0', 15, 'ipv4'], // benchmarking
  ['198.51.100.0', 24, 'ipv4'], // documentation
  ['203.0.113.0', 24, 'ipv4'], // documentation
  ['224.0.0.0', 4, 'ipv4'], // multicast
  ['240.0.0.0', 4, 'ipv4'], // reserved, 255.255.255.255 (broadcast) included
  ['::', 96, 'ipv6'], // unspecified, loopback and the IPv4-compatible forms (::127.0.0.1)
  // No ::ffff:0:0/96 entry: BlockList matches every IPv4 address against it. IPv4-mapped addresses are judged as the
  // IPv4 address they carry (see normalise).
  ['64:ff9b::', 96, 'ipv6'], // NAT64: reaches the embedded IPv4 address
  ['64:ff9b:1::', 48, 'ipv6'], // local-use NAT64
  ['100::', 64, 'ipv6'], // discard-only
  ['2001::', 23, 'ipv6'], // IETF protocol assignments, Teredo included
  ['2001:db8::', 32, 'ipv6'], // documentation
  ['2002::', 16, 'ipv6'], // 6to4: reaches the embedded IPv4 address
  ['3fff::', 20, 'ipv6'], // documentation
  ['fc00::', 7, 'ipv6'], // unique local
  ['fe80::', 10, 'ipv6'], // link-local
  ['fec0::', 10, 'ipv6'], // site-local (deprecated)
  ['ff00::', 8, 'ipv6'], // multicast
];

const internal = new BlockList();
for (const [address, prefix, family] of INTERNAL_RANGES) internal.addSubnet(address, prefix, family);

/** One address a name resolved to, as node:dns gives it. */
export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a host name to every address it has; injectable so tests can play a DNS server. */
export type HostResolver = (hostname: string) => Promise<ResolvedAddress[]>;

export const resolveWithSystemDns: HostResolver = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));

/** Why a webhook URL is refused; recorded as `refused: <reason>` on the delivery attempt. */
export type WebhookRefusal = 'invalid URL' | 'not https' | 'credentials in URL' | 'internal address';

export interface WebhookRules {
  allowHttp: boolean;
  /** CIDR ranges (already validated by the config module) that are reachable although internal. */
  allowedPrivateRanges: readonly string[];
}

export interface AddressPolicy {
  allows(address: ResolvedAddress): boolean;
}

function createAddressPolicy(allowedPrivateRanges: readonly string[]): AddressPolicy {
  const allowed = addressRangeList(allowedPrivateRanges);
  return {
    allows(a) {
      const n = normalise(a);
      const family: Family = n.family === 6 ? 'ipv6' : 'ipv4';
      return allowed.check(n.address, family) || !internal.check(n.address, family);
    },
  };
}

/** ::ffff:7f00:1 and ::ffff:127.0.0.1 are 127.0.0.1: judge (and connect to) them as the IPv4 address they are. */
function normalise(a: ResolvedAddress): ResolvedAddress {
  if (a.family !== 6) return a;
  let canonical: string;
  try {
    canonical = new URL(`http://[${a.address}]/`).hostname;
  } catch {
    return a;
  }
  const m = /^\[::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})\]$/.exec(canonical);
  if (!m?.[1] || !m[2]) return a;
  const high = parseInt(m[1], 16);
  const low = parseInt(m[2], 16);
  return { address: [high >> 8, high & 255, low >> 8, low & 255].join('.'), family: 4 };
}

/** The URL's host as a connectable name or address: IPv6 literals without their brackets. */
const bareHost = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, '$1');

/** RFC 6761: `localhost` and every name under it are loopback, whatever a resolver answers for them. */
const isLocalhostName = (host: string) => {
  const name = host.replace(/\.+$/, '');
  return name === 'localhost' || name.endsWith('.localhost');
};

const LOOPBACK: readonly ResolvedAddress[] = [
  { address: '127.0.0.1', family: 4 },
  { address: '::1', family: 6 },
];

export type UrlCheck = { ok: true; url: URL; host: string; literal: ResolvedAddress | null } | { ok: false; reason: WebhookRefusal };

/**
 * The checks that need no DNS: a parsable http(s) URL (https unless plain http is allowed), no user name or password,
 * and a literal address or localhost name only where the policy allows it. WHATWG URL parsing has already turned
 * decimal, hex and octal IPv4 forms (http://2130706433/, http://0x7f.1/) into dotted form here.
 */
export function checkWebhookUrl(raw: string, rules: WebhookRules, policy: AddressPolicy = createAddressPolicy(rules.allowedPrivateRanges)): UrlCheck {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'invalid URL' };
  }
  if (url.protocol !== 'https:' && !(rules.allowHttp && url.protocol === 'http:')) return { ok: false, reason: 'not https' };
  if (url.username || url.password) return { ok: false, reason: 'credentials in URL' };
  const host = bareHost(url);
  const family = isIP(host);
  if (family === 4 || family === 6) {
    const literal = normalise({ address: host, family });
    return policy.allows(literal) ? { ok: true, url, host, literal } : { ok: false, reason: 'internal address' };
  }
  // Refused without asking DNS unless loopback is allowed at all; the addresses the name resolves to are checked next.
  if (isLocalhostName(host) && !LOOPBACK.some((a) => policy.allows(a))) return { ok: false, reason: 'internal address' };
  return { ok: true, url, host, literal: null };
}

export type TargetCheck =
  | { ok: true; url: URL; host: string; addresses: ResolvedAddress[] }
  | { ok: false; reason: WebhookRefusal }
  | { ok: false; reason: 'unresolvable host' };

/**
 * Every check, the name resolved: refused when any of its addresses is internal (an attacker controls which one a
 * client would pick). The addresses returned are the ones to connect to.
 */
export async function checkWebhookTarget(raw: string, rules: WebhookRules, resolve: HostResolver, timeoutMs: number): Promise<TargetCheck> {
  const policy = createAddressPolicy(rules.allowedPrivateRanges);
  const checked = checkWebhookUrl(raw, rules, policy);
  if (!checked.ok) return checked;
  if (checked.literal) return { ok: true, url: checked.url, host: checked.host, addresses: [checked.literal] };
  let addresses: ResolvedAddress[];
  try {
    addresses = await withTimeout(resolve(checked.host), timeoutMs);
  } catch {
    return { ok: false, reason: 'unresolvable host' };
  }
  if (addresses.length === 0) return { ok: false, reason: 'unresolvable host' };
  if (!addresses.every((a) => policy.allows(a))) return { ok: false, reason: 'internal address' };
  return { ok: true, url: checked.url, host: checked.host, addresses: addresses.map(normalise) };
}

/** getaddrinfo cannot be cancelled; a slow answer is abandoned instead of holding a registration or a relay round. */
function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('DNS lookup timed out')), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * The URL for logs: scheme, host and port only. Never the user name, password or query string, and not the path
 * either: receivers often put their own secret in it (…/hooks/T01/B02/<token>); the endpoint id says which it was.
 */
export function loggableOrigin(raw: string): string {
  try {
    const url = new URL(raw);
    return `${url.protocol}//${url.host}`;
  } catch {
    return '(invalid URL)';
  }
}
