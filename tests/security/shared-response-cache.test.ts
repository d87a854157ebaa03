import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PROFESSIONALS, deterministicUuid } from '@hub/domain';
import { createGateway, readSupergraph, type Gateway } from '@hub/gateway';
import { createEphemeralIssuer, createTokenVerifier, signToken } from '@hub/identity';
import { createLogger } from '@hub/service-kit';
import { startTestHub, type TestHub } from '@hub/testing';
import { Redis } from 'ioredis';

/**
 * The response cache shared by several gateways (REDIS_URL) keeps exactly the privacy of the one-process cache: a
 * signed-in professional's directory answer (which may show confidential shelter addresses) is kept for that user
 * only, whichever gateway they reach; nobody else (another user of the same organisation, an anonymous caller, a
 * caller with a forged token naming that user) gets it from any gateway; personal data is never written to Redis, and
 * nothing in Redis names a user, an organisation or a client address in the clear.
 */

const REDIS_URL = 'redis://127.0.0.1:6379';
const PREFIX = `hub-test-${randomUUID()}:`;

let hub: TestHub;
let redis: Redis;
let originA: string;
let originB: string;
const gateways: Gateway[] = [];

async function startGateway(): Promise<string> {
  const gateway = await createGateway({
    config: { ...hub.config, redis: { url: REDIS_URL, prefix: PREFIX } },
    logger: createLogger('gateway', 'silent'),
    verifyToken: await createTokenVerifier([hub.issuer.config], hub.config.audience),
    subgraphs: Object.entries(hub.subgraphUrls).map(([name, url]) => ({ name, url, secret: hub.subgraphSecrets[name] ?? '' })),
    supergraphSdl: readSupergraph(),
  });
  gateways.push(gateway);
  return new URL((await gateway.start(0, '127.0.0.1')).url).origin;
}

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

/** Every key under this run's prefix with its value (string keys; the rate limit's buckets are hashes). */
async function redisContents(): Promise<string> {
  const parts: string[] = [];
  for (const key of await keysUnder(PREFIX)) {
    parts.push(key);
    parts.push((await redis.type(key)) === 'hash' ? JSON.stringify(await redis.hgetall(key)) : ((await redis.get(key)) ?? ''));
  }
  return parts.join('\n');
}

/** The cache is written after the answer is sent: wait until the number of entries grew past `before`. */
async function untilEntries(before: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if ((await keysUnder(`${PREFIX}cache:0:`)).length > before) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('no new response cache entry appeared in Redis');
}

const socialeKaartRequests = () => hub.logs.filter((l) => l.service === 'sociale-kaart' && l.msg === 'request' && l.path === '/graphql').length;

type Search = { searchServices: { edges: { node: { id: string; locations: { nodes: { name: string; confidential: boolean }[] } } }[] } };
const SHELTER_SEARCH = /* GraphQL */ `
  query Shelter($gemeente: String!) {
    searchServices(text: "opvang", filter: { gemeenteCode: $gemeente }, first: 5) {
      edges { node { id name locations { nodes { name confidential } } } }
    }
  }
`;

async function post<TData = Record<string, unknown>>(origin: string, query: string, variables: Record<string, unknown>, token?: string) {
  const res = await fetch(new URL('/graphql', origin), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as { data?: TData; errors?: { extensions?: { code?: string } }[] } };
}

const confidentialIn = (body: { data?: Search }) => body.data?.searchServices.edges.flatMap((e) => e.node.locations.nodes).filter((l) => l.confidential) ?? [];

const principal = (label: string) => {
  const p = DEMO_PROFESSIONALS.find((d) => d.label.startsWith(label));
  if (!p) throw new Error(`no demo principal ${label}`);
  return p;
};

beforeAll(async () => {
  redis = new Redis(REDIS_URL);
  hub = await startTestHub({ seedDemo: true, demoScale: 0.02, captureLogs: true, env: { DIRECTORY_CACHE_SECONDS: '30' } });
  originA = await startGateway();
  originB = await startGateway();
});

afterAll(async () => {
  for (const gateway of gateways) await gateway.stop();
  await hub?.stop();
  const keys = await keysUnder(PREFIX);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
});

describe('shared response cache privacy', () => {
  it('keeps a professional’s private answer for that user on every gateway, and gives it to nobody else', async () => {
    const toegang = principal('toegangsteam');
    const tokenA = await hub.tokenFor({ ...toegang, subject: 'shared-cache-user-a' });
    const tokenB = await hub.tokenFor({ ...toegang, subject: 'shared-cache-user-b' });
    const variables = { gemeente: 'GM0344' };

    const entries = (await keysUnder(`${PREFIX}cache:0:`)).length;
    const asA = await post<Search>(originA, SHELTER_SEARCH, variables, tokenA);
    expect(asA.headers.get('cache-control')).toBe('max-age=30, private');
    const confidential = confidentialIn(asA.body);
    expect(confidential.length).toBeGreaterThan(0);
    await untilEntries(entries);

    // The same user on the other gateway: served from the shared cache.
    let before = socialeKaartRequests();
    const againA = await post<Search>(originB, SHELTER_SEARCH, variables, tokenA);
    expect(socialeKaartRequests()).toBe(before);
    expect(againA.headers.get('age')).not.toBeNull();
    expect(againA.body).toEqual(asA.body);

    // Another user of the same organisation, on either gateway: asks the subgraph, never gets A's entry.
    before = socialeKaartRequests();
    const asB = await post<Search>(originB, SHELTER_SEARCH, variables, tokenB);
    expect(socialeKaartRequests()).toBe(before + 1);
    expect(asB.headers.get('age')).toBeNull();

    // Anonymous callers on either gateway: no confidential address, and not A's answer.
    for (const origin of [originA, originB]) {
      const anonymous = await post<Search>(origin, SHELTER_SEARCH, variables);
      expect(anonymous.status).toBe(200);
      expect(confidentialIn(anonymous.body)).toEqual([]);
      expect(anonymous.body).not.toEqual(asA.body);
    }

    // A token naming user A but signed by someone else is refused before the cache is asked.
    const forger = await createEphemeralIssuer();
    const forged = await signToken(forger, { ...toegang, subject: 'shared-cache-user-a' });
    const attempt = await post<Search>(originB, SHELTER_SEARCH, variables, forged);
    expect(attempt.status).toBe(401);
    expect(attempt.body.data ?? null).toBeNull();
    expect(JSON.stringify(attempt.body)).not.toContain(confidential[0]?.name ?? '(none)');
  });

  it('never writes personal data to Redis, and names no user, organisation or address there', async () => {
    const co = principal('cliëntondersteuner gemeente Amsterdam');
    const token = await hub.tokenFor({ ...co, subject: 'shared-cache-co' });
    const clientId = deterministicUuid('hub-demo-cases', 'client:0');
    type Client = { client: { id: string; name: { familyName: string } | null; bsn: string | null } | null };
    const read = await post<Client>(originA, `query Client($id: ID!) { client(id: $id) { id name { familyName } bsn } }`, { id: clientId }, token);
    expect(read.headers.get('cache-control')).toBe('no-store');
    const familyName = read.body.data?.client?.name?.familyName;
    expect(familyName).toBeTruthy();
    // And a directory read by the same user, which is kept (privately).
    const entries = (await keysUnder(`${PREFIX}cache:0:`)).length;
    await post(originA, SHELTER_SEARCH, { gemeente: 'GM0363' }, token);
    await untilEntries(entries);

    const contents = await redisContents();
    expect(contents).toContain(`${PREFIX}cache:0:`);
    expect(contents).not.toContain(familyName ?? '(none)');
    const bsn = read.body.data?.client?.bsn;
    if (bsn) expect(contents).not.toContain(bsn);
    for (const name of ['shared-cache-co', 'shared-cache-user-a', co.organizationId, '127.0.0.1', clientId]) expect(contents).not.toContain(name);
  });
});
