import { randomUUID } from 'node:crypto';
import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubConfig } from '@hub/config';
import { DEMO_PROFESSIONALS } from '@hub/domain';
import { createGateway, readSupergraph, type Gateway } from '@hub/gateway';
import { createTokenVerifier } from '@hub/identity';
import { createLogger, HttpError } from '@hub/service-kit';
import { startTestHub, type LogLine, type TestHub } from '@hub/testing';
import { Redis } from 'ioredis';
import { createRateLimiter, createSharedRateLimiter } from '../gateway/src/rate-limit.ts';

/**
 * Several gateways behind one load balancer (REDIS_URL): two gateways over the same subgraphs and the same Redis take
 * from one rate limit and read one response cache, and a directory mutation through one drops what the other would
 * serve. When Redis is gone a gateway still answers, limited in its own memory and without the cache. Each test run
 * writes under its own REDIS_PREFIX and removes its keys afterwards.
 */

const REDIS_URL = 'redis://127.0.0.1:6379';
const PREFIX = `hub-test-${randomUUID()}:`;
const BURST = 5;

let hub: TestHub;
let redis: Redis;
const gateways: Gateway[] = [];

/** A gateway over the test hub's subgraphs, with its own log lines, started on a free port; stopped after the file. */
async function startGateway(overrides: Partial<HubConfig>): Promise<{ origin: string; logs: LogLine[] }> {
  const logs: LogLine[] = [];
  const gateway = await createGateway({
    config: { ...hub.config, ...overrides },
    logger: createLogger('gateway', 'info', { write: (line: string) => void logs.push(JSON.parse(line) as LogLine) }),
    verifyToken: await createTokenVerifier([hub.issuer.config], hub.config.audience),
    subgraphs: Object.entries(hub.subgraphUrls).map(([name, url]) => ({ name, url, secret: hub.subgraphSecrets[name] ?? '' })),
    supergraphSdl: readSupergraph(),
  });
  gateways.push(gateway);
  const running = await gateway.start(0, '127.0.0.1');
  return { origin: new URL(running.url).origin, logs };
}

const shared = (prefix = PREFIX) => ({ redis: { url: REDIS_URL, prefix } });

async function post(origin: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const res = await fetch(new URL('/graphql', origin), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: res.status,
    headers: res.headers,
    body: (await res.json()) as { data?: Record<string, unknown>; errors?: { extensions?: { code?: string } }[] },
  };
}

/** Every key this run wrote. */
async function keysUnder(prefix: string): Promise<string[]> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    cursor = next;
    keys.push(...batch);
  } while (cursor !== '0');
  return keys;
}

/** The response cache writes in the background after the answer is sent: wait until an entry is there. */
async function untilCached(prefix: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const entries = (await keysUnder(`${prefix}cache:`)).filter((k) => !k.endsWith('generation'));
    if (entries.length > 0) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('no response cache entry appeared in Redis');
}

/** GraphQL requests the sociale kaart has answered so far (its own request log lines). */
const socialeKaartRequests = () => hub.logs.filter((l) => l.service === 'sociale-kaart' && l.msg === 'request' && l.path === '/graphql').length;

beforeAll(async () => {
  redis = new Redis(REDIS_URL);
  // The sociale kaart sends cache hints only when the directory cache is on.
  hub = await startTestHub({ seedDemo: true, demoScale: 0.02, captureLogs: true, env: { DIRECTORY_CACHE_SECONDS: '30' } });
});

afterAll(async () => {
  for (const gateway of gateways) await gateway.stop();
  await hub?.stop();
  const keys = await keysUnder('hub-test-').then((all) => all.filter((k) => k.startsWith(PREFIX)));
  if (keys.length) await redis.del(...keys);
  expect(await keysUnder(PREFIX)).toEqual([]);
  redis.disconnect();
});

/** A token of a fresh organisation: its own bucket. */
const freshToken = () => hub.tokenFor({ organizationType: 'GEMEENTE', roles: ['TOEGANG'], name: 'Test Toegang', gemeenteCode: 'GM0363' });

const SEARCH = /* GraphQL */ `
  query Search($gemeente: String!) {
    searchServices(text: "opvang", filter: { gemeenteCode: $gemeente }, first: 5) { totalCount edges { node { id name } } }
  }
`;

describe('two gateways on one Redis', () => {
  it('share one rate limit: alternating requests, the (burst+1)th over both together is refused', async () => {
    const limits = { rateLimit: { perSecond: 0.01, burst: BURST }, ...shared(`${PREFIX}limit:`) };
    const a = await startGateway(limits);
    const b = await startGateway(limits);
    const token = await freshToken();
    const statuses: number[] = [];
    let refusal: Awaited<ReturnType<typeof post>> | undefined;
    for (let i = 0; i < BURST + 2; i++) {
      const answer = await post(i % 2 === 0 ? a.origin : b.origin, '{ __typename }', {}, { authorization: `Bearer ${token}` });
      statuses.push(answer.status);
      if (answer.status === 429) refusal ??= answer;
    }
    expect(statuses).toEqual([...Array(BURST).fill(200), 429, 429]);
    expect(refusal?.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
    expect(refusal?.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    // Another organisation has its own bucket.
    const other = await freshToken();
    expect((await post(b.origin, '{ __typename }', {}, { authorization: `Bearer ${other}` })).status).toBe(200);
  });

  it('behind a trusted proxy give each real client address its own shared bucket, on /graphql and /hsds alike', async () => {
    const config = { rateLimit: { perSecond: 0.01, burst: BURST }, trustedProxies: ['127.0.0.1/32', '::1'], ...shared(`${PREFIX}proxy:`) };
    const a = await startGateway(config);
    const b = await startGateway(config);
    const statuses: number[] = [];
    for (let i = 0; i < BURST + 1; i++) {
      statuses.push((await post(i % 2 === 0 ? a.origin : b.origin, '{ __typename }', {}, { 'x-forwarded-for': '203.0.113.10' })).status);
    }
    expect(statuses).toEqual([...Array(BURST).fill(200), 429]);
    // The open HSDS feed counts against the same address, on either gateway.
    expect((await fetch(new URL('/hsds/', b.origin), { headers: { 'x-forwarded-for': '203.0.113.10' } })).status).toBe(429);
    // Another client behind the same proxy is not starved by the first.
    expect((await post(b.origin, '{ __typename }', {}, { 'x-forwarded-for': '203.0.113.11' })).status).toBe(200);
    expect((await fetch(new URL('/hsds/', a.origin), { headers: { 'x-forwarded-for': '203.0.113.11' } })).status).toBe(200);
  });

  it('share one response cache: an answer of gateway A is a hit on gateway B', async () => {
    const prefix = `${PREFIX}cache-hit:`;
    const a = await startGateway(shared(prefix));
    const b = await startGateway(shared(prefix));
    const before = socialeKaartRequests();
    const first = await post(a.origin, SEARCH, { gemeente: 'GM0363' });
    expect(first.body.errors).toBeUndefined();
    expect(first.headers.get('cache-control')).toBe('max-age=30, public');
    expect(socialeKaartRequests()).toBe(before + 1);
    await untilCached(prefix);

    const second = await post(b.origin, SEARCH, { gemeente: 'GM0363' });
    expect(socialeKaartRequests()).toBe(before + 1);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('age')).not.toBeNull();
    expect(b.logs.find((l) => l.msg === 'request' && l.path === '/graphql')).toMatchObject({ cache: 'hit', status: 200 });
    // Other variables are another answer, on either gateway.
    await post(b.origin, SEARCH, { gemeente: 'GM0599' });
    expect(socialeKaartRequests()).toBe(before + 2);
  });

  it('a directory mutation through gateway A makes the next read on gateway B a miss', async () => {
    const prefix = `${PREFIX}cache-mutation:`;
    const a = await startGateway(shared(prefix));
    const b = await startGateway(shared(prefix));
    const beheerder = DEMO_PROFESSIONALS.find((p) => p.label.startsWith('beheerder'));
    if (!beheerder) throw new Error('no demo beheerder');
    const own = `query Own($org: ID!) { organization(id: $org) { services(first: 100) { nodes { id version capacity { status } } } } }`;
    type Own = { organization: { services: { nodes: { id: string; version: number; capacity: { status: string } | null }[] } } };
    const read = await post(b.origin, own, { org: beheerder.organizationId });
    await untilCached(prefix);
    const cachedRead = await post(b.origin, own, { org: beheerder.organizationId });
    expect(cachedRead.headers.get('age')).not.toBeNull();
    const target = (read.body.data as Own | undefined)?.organization.services.nodes[0];
    if (!target) throw new Error('the demo OCO has no services');
    const next = target.capacity?.status === 'WAITLIST' ? 'HAS_CAPACITY' : 'WAITLIST';

    const update = await post(
      a.origin,
      `mutation Cap($id: ID!, $v: Int!, $input: CapacityInput!) { updateCapacity(input: { serviceId: $id, expectedVersion: $v, capacity: $input }) { service { id } } }`,
      {
        id: target.id,
        v: target.version,
        input: { status: next, available: next === 'HAS_CAPACITY' ? 1 : 0, maximum: 10, expectedWaitDays: next === 'WAITLIST' ? 30 : 0 },
      },
      { authorization: `Bearer ${await hub.tokenFor(beheerder)}` },
    );
    expect(update.body.errors).toBeUndefined();
    expect(await redis.get(`${prefix}cache:generation`)).toBe('1');

    const before = socialeKaartRequests();
    const after = await post(b.origin, own, { org: beheerder.organizationId });
    expect(socialeKaartRequests()).toBe(before + 1);
    expect(after.headers.get('age')).toBeNull();
    expect((after.body.data as Own | undefined)?.organization.services.nodes.find((s) => s.id === target.id)?.capacity?.status).toBe(next);
  });
});

describe('the shared token bucket', () => {
  it('keeps the semantics of the in-process one: burst, refill per second, Retry-After, one bucket per key', async () => {
    const logger = createLogger('rate-limit-test', 'silent');
    const prefix = `${PREFIX}bucket:`;
    const limiter = createSharedRateLimiter({ redis, prefix, perSecond: 2, burst: 2, logger, fallback: createRateLimiter({ perSecond: 0.001, burst: 1 }) });
    const outcome = async (key: string) => {
      try {
        await limiter.take(key);
        return 'ok';
      } catch (error) {
        if (!(error instanceof HttpError)) throw error;
        return `${error.status} ${error.code} retry-after ${error.headers['retry-after']}`;
      }
    };
    expect([await outcome('org:a'), await outcome('org:a'), await outcome('org:a')]).toEqual(['ok', 'ok', '429 RATE_LIMITED retry-after 1']);
    expect(await outcome('org:b')).toBe('ok');
    // Two tokens a second: after 600 ms one is back, not two.
    await new Promise((r) => setTimeout(r, 600));
    expect([await outcome('org:a'), await outcome('org:a')]).toEqual(['ok', '429 RATE_LIMITED retry-after 1']);
    // An idle bucket expires once it would be full again.
    const [key] = await keysUnder(`${prefix}ratelimit`);
    const ttl = await redis.pttl(key ?? '');
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(1000);
  });
});

describe('when Redis is gone', () => {
  it('a gateway pointed at a closed port answers every request, limits in its own memory and warns', async () => {
    const down = await startGateway({ rateLimit: { perSecond: 0.01, burst: BURST }, redis: { url: 'redis://127.0.0.1:1', prefix: PREFIX } });
    const token = await freshToken();
    const statuses: number[] = [];
    for (let i = 0; i < BURST + 1; i++) statuses.push((await post(down.origin, '{ __typename }', {}, { authorization: `Bearer ${token}` })).status);
    expect(statuses).toEqual([...Array(BURST).fill(200), 429]);
    // The directory answers come straight from the subgraph: no cache, no failure.
    for (let i = 0; i < 2; i++) {
      const search = await post(down.origin, SEARCH, { gemeente: 'GM0363' });
      expect(search.status).toBe(200);
      expect(search.body.errors).toBeUndefined();
      expect(search.headers.get('age')).toBeNull();
    }
    expect(down.logs.filter((l) => l.level === 40 && String(l.msg).startsWith('redis unavailable'))).toHaveLength(1);
    expect(down.logs.some((l) => l.msg === 'request' && l.status === 500)).toBe(false);
    expect(JSON.stringify(down.logs)).not.toContain('127.0.0.1:1');
  });

  it('a gateway whose Redis connection closes mid-run keeps answering, and uses Redis again once it is back', async () => {
    // A TCP relay in front of the real Redis, closed and reopened on the same port by the test.
    const sockets = new Set<Socket>();
    const listen = (port: number) =>
      new Promise<Server>((resolve, reject) => {
        const server = createServer((client) => {
          const upstream = connect(6379, '127.0.0.1');
          sockets.add(client).add(upstream);
          client.pipe(upstream).pipe(client);
          const end = () => {
            client.destroy();
            upstream.destroy();
          };
          client.on('error', end).on('close', end);
          upstream.on('error', end).on('close', end);
        });
        server.once('error', reject).listen(port, '127.0.0.1', () => resolve(server));
      });
    let server = await listen(0);
    const port = (server.address() as AddressInfo).port;
    const prefix = `${PREFIX}outage:`;
    const gw = await startGateway({ rateLimit: { perSecond: 0.01, burst: 100 }, redis: { url: `redis://127.0.0.1:${port}`, prefix } });
    const token = await freshToken();
    expect((await post(gw.origin, '{ __typename }', {}, { authorization: `Bearer ${token}` })).status).toBe(200);
    expect((await keysUnder(`${prefix}ratelimit`)).length).toBe(1);

    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      for (const s of sockets) s.destroy();
      sockets.clear();
    });
    for (let i = 0; i < 3; i++) {
      const answer = await post(gw.origin, SEARCH, { gemeente: 'GM0363' }, { authorization: `Bearer ${token}` });
      expect(answer.status).toBe(200);
      expect(answer.body.errors).toBeUndefined();
    }
    expect(gw.logs.some((l) => l.level === 40 && String(l.msg).startsWith('redis unavailable'))).toBe(true);

    server = await listen(port);
    for (let i = 0; i < 100 && !gw.logs.some((l) => String(l.msg).startsWith('redis available again')); i++) await new Promise((r) => setTimeout(r, 100));
    expect(gw.logs.some((l) => String(l.msg).startsWith('redis available again'))).toBe(true);
    const before = await redis.hget((await keysUnder(`${prefix}ratelimit`))[0] ?? '', 'tokens');
    expect((await post(gw.origin, '{ __typename }', {}, { authorization: `Bearer ${token}` })).status).toBe(200);
    expect(await redis.hget((await keysUnder(`${prefix}ratelimit`))[0] ?? '', 'tokens')).not.toBe(before);
    await gateways.pop()?.stop();
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      for (const s of sockets) s.destroy();
    });
  });
});
