import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import type { ResolvedAddress } from './webhook-target.ts';

/**
 * POSTs one webhook body to addresses that were already checked (see webhook-target.ts). The connection's DNS lookup
 * is replaced by those addresses, so nothing is resolved a second time; the Host header and, for https, the TLS server
 * name and certificate check still use the URL's host name. No agent: every delivery opens its own connection, so a
 * pooled socket to an earlier answer is never reused. Redirects are not followed (node:http never does).
 */
export function postWebhook(
  target: { url: URL; host: string; addresses: ResolvedAddress[] },
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
): Promise<number> {
  const [first] = target.addresses;
  if (!first) return Promise.reject(new Error('no address to connect to'));
  const pinned: LookupFunction = (_hostname, options, callback) => {
    if (options.all) callback(null, target.addresses);
    else callback(null, first.address, first.family);
  };
  const send = target.url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<number>((resolve, reject) => {
    const req = send(
      {
        method: 'POST',
        protocol: target.url.protocol,
        hostname: target.host,
        port: target.url.port || undefined,
        path: `${target.url.pathname}${target.url.search}`,
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        lookup: pinned,
        agent: false,
        signal: AbortSignal.timeout(timeoutMs),
      },
      (res) => {
        // The answer's body is not used; read it to the end so the connection closes cleanly.
        res.on('error', reject);
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('close', () => {
          if (!res.complete) reject(new Error('answer cut off'));
        });
        res.resume();
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
