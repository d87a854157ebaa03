import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig, SUBGRAPH_NAMES } from '@hub/config';
import { createEphemeralIssuer, createTokenVerifier, signToken, type DevIssuer, type TokenVerifier } from '@hub/identity';
import { createLogger, SUBGRAPH_SECRET_HEADER } from '@hub/service-kit';
import { createGateway, readSupergraph, type Gateway, type SubgraphEndpoint } from '../src/server.ts';

/**
 * What the gateway sends to a subgraph, seen from a stand-in subgraph that records every request:
 * headers, secret, trace context, the timeout, and readiness.
 */

interface Received {
  subgraph: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

const SECRET = randomBytes(32).toString('base64url');
const TIMEOUT_MS = 300;
let received: Received[] = [];
/** The status each stand-in answers on /ready. */
let readyStatus: Record<string, number> = {};
const standIns: Server[] = [];
let gateway: Gateway;
let gatewayUrl: string;
let issuer: DevIssuer;
let verifyToken: TokenVerifier;

async function listenOnFreePort(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A subgraph stand-in that records what it receives; the supergraph's queries here all go to the sociale kaart. */
function createStandIn(subgraph: string): Server {
  return createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      received.push({ subgraph, path: req.url ?? '', headers: req.headers, body });
      if (req.url === '/ready') {
        const status = readyStatus[subgraph] ?? 200;
        res.writeHead(status, { 'content-type': 'application/json' });
        return res.end(JSON.stringify({ status: status === 200 ? 'ready' : 'unavailable' }));
      }
      // A query for zorgkantoorregio's stands for a subgraph that hangs, one for gemeente(code) for one that fails.
      if (body.includes('zorgkantoorregios')) return;
      if (body.includes('gemeente(')) {
        res.writeHead(500, { 'content-type': 'text/plain' });
        return res.end('stack trace with internal details');
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ data: { gemeenten: [{ code: 'GM0363' }] } }));
    });
  });
}

const allReady = (state: string) => Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, state]));

beforeAll(async () => {
  const subgraphs: SubgraphEndpoint[] = [];
  for (const name of SUBGRAPH_NAMES) {
    const server = createStandIn(name);
    standIns.push(server);
    subgraphs.push({ name, url: `${await listenOnFreePort(server)}/graphql`, secret: `${SECRET}-${name}` });
  }
  issuer = await createEphemeralIssuer();
  verifyToken = await createTokenVerifier([issuer.config], issuer.audience);
  gateway = await createGateway({
    config: loadConfig({ NODE_ENV: 'test', SUBGRAPH_TIMEOUT_MS: String(TIMEOUT_MS) }),
    logger: createLogger('gateway', 'silent'),
    verifyToken,
    subgraphs,
    supergraphSdl: readSupergraph(),
  });
  gatewayUrl = (await gateway.start(0, '127.0.0.1')).url;
});

afterAll(async () => {
  await gateway?.stop();
  for (const server of standIns) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

beforeEach(() => {
  received = [];
  readyStatus = {};
});

const post = (query: string, headers: Record<string, string> = {}) =>
  fetch(gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });

const graphqlRequests = () => received.filter((r) => r.path === '/graphql');
const SOCIALE_KAART_SECRET = `${SECRET}-sociale-kaart`;

describe('requests from the gateway to a subgraph', () => {
  it("carry the secret, the token, the gateway's own request id and trace, and nothing else of the client", async () => {
    const token = await signToken(issuer, {
      subject: 'u',
      organizationId: '6f1c9a52-0a55-4a44-9d8e-9b3c0a0e2f11',
      organizationType: 'OCO',
      roles: ['CLIENTONDERSTEUNER'],
    });
    const traceId = randomBytes(16).toString('hex');
    const incomingSpan = randomBytes(8).toString('hex');
    const res = await post('{ gemeenten { code } }', {
      authorization: `Bearer ${token}`,
      traceparent: `00-${traceId}-${incomingSpan}-01`,
      'x-request-id': 'req-forwarding',
      cookie: 'session=should-not-travel',
    });
    expect(await res.json()).toEqual({ data: { gemeenten: [{ code: 'GM0363' }] } });
    const [request] = graphqlRequests();
    expect(request?.subgraph).toBe('sociale-kaart');
    expect(request?.headers[SUBGRAPH_SECRET_HEADER]).toBe(SOCIALE_KAART_SECRET);
    expect(request?.headers.authorization).toBe(`Bearer ${token}`);
    // The ids the subgraph logs (and writes into access-log lines) are the gateway's, never the caller's.
    expect(request?.headers['x-request-id']).toBe(res.headers.get('x-request-id'));
    expect(request?.headers['x-request-id']).not.toBe('req-forwarding');
    const [, sentTrace, sentSpan, flags] = String(request?.headers.traceparent ?? '').split('-');
    expect(sentTrace).toMatch(/^[0-9a-f]{32}$/);
    expect(sentTrace).not.toBe(traceId);
    expect(sentSpan).toMatch(/^[0-9a-f]{16}$/);
    expect(sentSpan).not.toBe(incomingSpan);
    expect(flags).toBe('01');
    expect(request?.headers.cookie).toBeUndefined();
  });

  it('gives each subgraph call its own span', async () => {
    await post('{ gemeenten { code } }', { traceparent: `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-01` });
    await post('{ gemeenten { code } }');
    const spans = graphqlRequests().map((r) => String(r.headers.traceparent).split('-')[2]);
    expect(new Set(spans).size).toBe(2);
  });

  it('carry no authorization header for an anonymous request, but still the secret', async () => {
    await post('{ gemeenten { code } }');
    const [request] = graphqlRequests();
    expect(request?.headers.authorization).toBeUndefined();
    expect(request?.subgraph).toBe('sociale-kaart');
    expect(request?.headers[SUBGRAPH_SECRET_HEADER]).toBe(SOCIALE_KAART_SECRET);
  });

  it('are never made for a request with an invalid token', async () => {
    const res = await post('{ gemeenten { code } }', { authorization: 'Bearer abc.def.ghi' });
    expect(res.status).toBe(401);
    expect(graphqlRequests()).toEqual([]);
  });

  it('give up after the configured timeout with SUBGRAPH_UNAVAILABLE naming the subgraph, instead of hanging', async () => {
    const started = performance.now();
    const res = await post('{ zorgkantoorregios { code } }');
    const elapsed = performance.now() - started;
    const body = (await res.json()) as { data: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
    expect(graphqlRequests()).toHaveLength(1);
    expect(elapsed).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
    expect(elapsed).toBeLessThan(TIMEOUT_MS + 3_000);
    expect(body.data).toBeNull();
    expect(body.errors).toEqual([
      {
        message: 'The sociale-kaart service did not answer in time; its part of the answer is missing.',
        extensions: { code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'sociale-kaart', reason: 'TIMEOUT' },
      },
    ]);
    expect(JSON.stringify(body)).not.toContain('127.0.0.1');
  });

  it('pass on a failing subgraph as an error without its URL or response body', async () => {
    const res = await post('{ gemeente(code: "GM0363") { code } }');
    const text = await res.text();
    expect(graphqlRequests()).toHaveLength(1);
    expect(JSON.parse(text)).toMatchObject({ data: { gemeente: null }, errors: [{ extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    expect(text).not.toContain('internal details');
    expect(text).not.toContain('127.0.0.1');
  });
});

describe('gateway readiness', () => {
  it('is ready when every subgraph says so', async () => {
    const res = await fetch(new URL('/ready', gatewayUrl));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ready', subgraphs: allReady('ready') });
  });

  it('is not ready while a subgraph is not, and says which', async () => {
    readyStatus = { 'sociale-kaart': 503 };
    const res = await fetch(new URL('/ready', gatewayUrl));
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: 'unavailable', subgraphs: { ...allReady('ready'), 'sociale-kaart': 'unavailable' } });
    const health = await fetch(new URL('/health', gatewayUrl));
    expect(health.status).toBe(200);
  });

  it('is not ready when a subgraph cannot be reached', async () => {
    const closed = createServer();
    const url = await listenOnFreePort(closed);
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const lonely = await createGateway({
      config: loadConfig({ NODE_ENV: 'test' }),
      logger: createLogger('gateway', 'silent'),
      verifyToken,
      subgraphs: SUBGRAPH_NAMES.map((name) => ({ name, url: `${url}/graphql`, secret: SECRET })),
      supergraphSdl: readSupergraph(),
    });
    const running = await lonely.start(0, '127.0.0.1');
    try {
      const res = await fetch(new URL('/ready', running.url));
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ status: 'unavailable', subgraphs: allReady('unreachable') });
    } finally {
      await lonely.stop();
    }
  });
});

describe('gateway set-up', () => {
  it('refuses a supergraph naming a subgraph it has no endpoint for', async () => {
    const gatewayWithout = createGateway({
      config: loadConfig({ NODE_ENV: 'test' }),
      logger: createLogger('gateway', 'silent'),
      verifyToken,
      subgraphs: [],
      supergraphSdl: readSupergraph(),
    });
    await expect(gatewayWithout).rejects.toThrow(/no endpoint/);
  });
});
