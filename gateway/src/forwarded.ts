import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import { addressRangeList } from '@hub/config';
import type { TLSSocket } from 'node:tls';

/**
 * Who is calling and how the caller reached the hub, as far as the gateway can tell. Forwarded headers
 * (x-forwarded-for / -proto / -host) are anyone's to write, so they count only when the direct peer is one of
 * the configured proxies (TRUSTED_PROXIES); otherwise the connection itself is the truth.
 */
export interface ForwardedView {
  /** The client's address: the direct peer, or behind trusted proxies the nearest address that is not one. */
  clientAddress: string;
  /** The protocol the client used. */
  proto: 'http' | 'https';
  /** The host the client asked for (undefined without a Host header). */
  host: string | undefined;
}

export type ProxyTrust = (address: string) => boolean;

/** An IPv4 address in IPv6 notation (`::ffff:10.0.0.1`, as a dual-stack socket reports it) in its IPv4 form. */
function plainAddress(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  return mapped?.[1] ?? address;
}

export function createProxyTrust(cidrs: readonly string[]): ProxyTrust {
  if (cidrs.length === 0) return () => false;
  const list = addressRangeList(cidrs);
  return (address) => {
    const plain = plainAddress(address);
    const version = isIP(plain);
    return version !== 0 && list.check(plain, version === 4 ? 'ipv4' : 'ipv6');
  };
}

const HOST_RE = /^[A-Za-z0-9.\-:[\]]{1,255}$/;

const firstValue = (value: string | string[] | undefined): string | undefined => {
  const text = Array.isArray(value) ? value[0] : value;
  return text?.split(',')[0]?.trim() || undefined;
};

export function forwardedView(req: IncomingMessage, trusted: ProxyTrust): ForwardedView {
  const peer = plainAddress(req.socket.remoteAddress ?? 'unknown');
  const ownProto = (req.socket as Partial<TLSSocket>).encrypted ? 'https' : 'http';
  const ownHost = firstValue(req.headers.host);
  if (!trusted(peer)) return { clientAddress: peer, proto: ownProto, host: ownHost };

  // Each proxy appends the address it received from: walk right to left past the trusted ones. An entry left of the
  // first untrusted one is whatever the client wrote, and is ignored.
  const hops = [req.headers['x-forwarded-for']]
    .flat()
    .flatMap((v) => (v ?? '').split(','))
    .map((v) => plainAddress(v.trim()))
    .filter(Boolean);
  let clientAddress = peer;
  for (let i = hops.length - 1; i >= 0 && trusted(clientAddress); i--) {
    const hop = hops[i] ?? '';
    if (isIP(hop) === 0) break;
    clientAddress = hop;
  }
  const proto = firstValue(req.headers['x-forwarded-proto'])?.toLowerCase();
  const host = firstValue(req.headers['x-forwarded-host']);
  return {
    clientAddress,
    proto: proto === 'https' || proto === 'http' ? proto : ownProto,
    host: host && HOST_RE.test(host) ? host : ownHost,
  };
}
