import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '@hub/config';
import { createGateway, readSupergraph, type Gateway } from '@hub/gateway';
import { createTokenVerifier } from '@hub/identity';
import { createLogger, type RunningServer } from '@hub/service-kit';
import { startTestHub, type TestHub } from '@hub/testing';

/**
 * Forwarded headers (x-forwarded-for / -proto / -host) are believed only from configured proxies (TRUSTED_PROXIES).
 * The test hub's gateway trusts none; a second gateway over the same subgraphs trusts 127.0.0.1, the address this
 * test connects from, so here the test plays the TLS-terminating proxy.
 */

const BURST = 3;
let hub: TestHub;
let behindProxy: Gateway;
let behindProxyServer: RunningServer;

beforeAll(async () => {
  hub = await startTestHub({ env: { RATE_LIMIT_PER_SECOND: '0.01', RATE_LIMIT_BURST: String(BURST) } });
  behindProxy = await createGateway({
    config: { ...hub.config, trustedProxies: ['127.0.0.1/32', '::1'] },
    logger: createLogger('gateway', 'silent'),
    verifyToken: await createTokenVerifier([hub.issuer.config], hub.config.audience),
    subgraphs: Object.entries(hub.subgraphUrls).map(([name, url]) => ({ name, url, secret: hub.subgraphSecrets[name] ?? '' })),
    supergraphSdl: readSupergraph(),
  });
  behindProxyServer = await behindProxy.start(0, '127.0.0.1');
});
afterAll(async () => {
  await behindProxy?.stop();
  await hub?.stop();
});

const hsdsRoot = async (origin: string, headers: Record<string, string>) => {
  const res = await fetch(new URL('/hsds/', origin), { headers });
  expect(res.status).toBe(200);
  return (await res.json()) as { profile: string; openapi_url: string };
};
const graphql = (origin: string, headers: Record<string, string>) =>
  fetch(new URL('/graphql', origin), { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: '{"query":"{ __typename }"}' });

describe('forwarded headers', () => {
  it('behind a trusted proxy, the HSDS feed links with the protocol and host the client used', async () => {
    const root = await hsdsRoot(new URL(behindProxyServer.url).origin, { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'sociale-kaart.example.nl' });
    expect(root.profile).toBe('https://sociale-kaart.example.nl/hsds/profile');
    expect(root.openapi_url).toBe('https://sociale-kaart.example.nl/hsds/openapi.json');
  });

  it('behind a trusted proxy that reached the gateway over http, the links say http', async () => {
    const root = await hsdsRoot(new URL(behindProxyServer.url).origin, { 'x-forwarded-proto': 'http', 'x-forwarded-host': 'sociale-kaart.example.nl' });
    expect(root.profile).toBe('http://sociale-kaart.example.nl/hsds/profile');
  });

  it('straight at the sociale kaart without the gateway secret, forwarded protocol and host are ignored', async () => {
    const origin = new URL(hub.subgraphUrls['sociale-kaart'] ?? '').origin;
    const root = await hsdsRoot(origin, { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'phishing.example' });
    expect(root.profile).toBe(`${origin}/hsds/profile`);
  });

  it('from a caller that is not a trusted proxy, forwarded protocol and host are ignored', async () => {
    const origin = new URL(hub.gatewayUrl).origin;
    const root = await hsdsRoot(origin, { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'phishing.example' });
    expect(root.profile).toBe(`${origin}/hsds/profile`);
  });

  it('a forwarded host that is not a host name is ignored even from a trusted proxy', async () => {
    const origin = new URL(behindProxyServer.url).origin;
    const root = await hsdsRoot(origin, { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'evil.example/path?x=<script>' });
    expect(root.profile).toBe(`https://${new URL(origin).host}/hsds/profile`);
  });
});

describe('client address of the anonymous rate limit', () => {
  it('a caller that is not a trusted proxy cannot pick a new bucket with x-forwarded-for', async () => {
    const origin = new URL(hub.gatewayUrl).origin;
    // Every request claims another client; all of them come from this test's one address, whose bucket holds BURST
    // (the HSDS test above may have taken one already).
    const statuses: number[] = [];
    for (let i = 1; i <= BURST + 1; i++) statuses.push((await graphql(origin, { 'x-forwarded-for': `198.51.100.${i}` })).status);
    expect(statuses).toContain(429);
    expect((await graphql(origin, { 'x-forwarded-for': '198.51.100.200' })).status).toBe(429);
  });

  it('behind a trusted proxy, each forwarded client address has its own bucket', async () => {
    const origin = new URL(behindProxyServer.url).origin;
    const first: number[] = [];
    for (let i = 0; i < BURST + 1; i++) first.push((await graphql(origin, { 'x-forwarded-for': '203.0.113.10' })).status);
    expect(first).toEqual([...Array(BURST).fill(200), 429]);
    // Another client behind the same proxy is not starved by the first.
    expect((await graphql(origin, { 'x-forwarded-for': '203.0.113.11' })).status).toBe(200);
  });

  it('behind a trusted proxy, addresses the client wrote in front of its own do not give it new buckets', async () => {
    const origin = new URL(behindProxyServer.url).origin;
    const statuses: number[] = [];
    // The proxy appends the address it saw (203.0.113.20); what stands left of it came from the client.
    for (let i = 1; i <= BURST + 1; i++) statuses.push((await graphql(origin, { 'x-forwarded-for': `192.0.2.${i}, 203.0.113.20` })).status);
    expect(statuses).toEqual([...Array(BURST).fill(200), 429]);
  });
});

describe('TRUSTED_PROXIES', () => {
  it('accepts addresses and CIDR ranges, and refuses anything else at start-up', () => {
    expect(loadConfig({ TRUSTED_PROXIES: '10.0.0.0/8, 192.168.1.10,fd00::/8' }).trustedProxies).toEqual(['10.0.0.0/8', '192.168.1.10', 'fd00::/8']);
    expect(loadConfig({}).trustedProxies).toEqual([]);
    for (const bad of ['10.0.0.0/33', 'proxy.internal', '10.0.0.1/8/8', '*']) {
      expect(() => loadConfig({ TRUSTED_PROXIES: bad })).toThrow(/TRUSTED_PROXIES/);
    }
  });
});
