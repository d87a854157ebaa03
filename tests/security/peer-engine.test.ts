import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SUBGRAPH_NAMES } from '@hub/config';
import { createEphemeralIssuer, signToken } from '@hub/identity';
import { SUBGRAPH_SECRET_HEADER } from '@hub/service-kit';
import { startTestHub, type GraphQLBody, type GraphQLResult, type TestHub } from '@hub/testing';

/**
 * The peer engine (hive/, `npm run start:hive`): Hive Gateway over the committed supergraph with the hub's policies.
 * The same hostile requests as the hub's own gateway gets (tests/limits.test.ts, token-lifetime, error-masking,
 * hsds-ssrf, forwarded-headers) are sent through the shipped Hive process, started as an operator starts it, in
 * front of a real hub's subgraphs. Between Hive and every subgraph sits a counting pass-through, a real HTTP server,
 * so "refused before any subgraph call" is observed, not assumed.
 */

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const envKey = (name: string) => name.toUpperCase().replace(/-/g, '_');

let hub: TestHub;
/** Subgraph calls that reached a pass-through, by subgraph name. */
const subgraphCalls: string[] = [];
const passThroughs: Server[] = [];
const passThroughUrls: Record<string, string> = {};

interface HiveProcess {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}
const started: HiveProcess[] = [];

/** A pass-through to one subgraph that records each call (method and path only) and relays it unchanged. */
async function startPassThrough(name: string, target: string): Promise<string> {
  const targetUrl = new URL(target);
  const server = createServer((req, res) => {
    subgraphCalls.push(name);
    const upstream = httpRequest({ host: targetUrl.hostname, port: targetUrl.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => {
      res.destroy();
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  passThroughs.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}${targetUrl.pathname}`;
}

/** Starts `hive/src/index.ts` as its own process with the hub's production configuration and `env` on top. */
async function startHive(env: Record<string, string> = {}): Promise<HiveProcess> {
  const config: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    HIVE_GATEWAY_PORT: '0',
    LOG_LEVEL: 'silent',
    AUTH_ISSUERS: JSON.stringify([hub.issuer.config]),
    AUTH_AUDIENCE: hub.issuer.audience,
    INTERNAL_API_SECRET: randomBytes(32).toString('base64url'),
    BSN_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    BSN_HASH_KEY: randomBytes(32).toString('hex'),
    ...env,
  };
  for (const name of SUBGRAPH_NAMES) {
    config[`${envKey(name)}_URL`] = passThroughUrls[name] ?? '';
    config[`SUBGRAPH_SECRET_${envKey(name)}`] = hub.subgraphSecrets[name] ?? '';
  }
  const child = spawn(process.execPath, ['--import', 'tsx', 'hive/src/index.ts'], { cwd: ROOT, env: config, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Hive Gateway did not start within 60 s:\n${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const line = /\{"msg":"hive gateway listening","url":"([^"]+)"\}/.exec(output);
      if (line?.[1]) {
        clearTimeout(timer);
        resolve(line[1]);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Hive Gateway exited with ${code}:\n${output}`));
    });
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  const running = { url, child, stop };
  started.push(running);
  return running;
}

async function post(url: string, payload: unknown, headers: Record<string, string> = {}): Promise<GraphQLResult> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(payload) });
  const text = await res.text();
  let body: GraphQLBody;
  try {
    body = JSON.parse(text) as GraphQLBody;
  } catch {
    body = { errors: [{ message: `Non-JSON response: ${text.slice(0, 500)}` }] };
  }
  return { status: res.status, headers: res.headers, body };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const codeOf = (result: GraphQLResult) => result.body.errors?.[0]?.extensions?.code;

/** Sends the exact bytes of one HTTP/1.1 request and resolves with the whole answer as text. */
function rawRequest(port: number, requestLine: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.on('error', reject);
    socket.write(`${requestLine}\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`);
  });
}
const statusOf = (answer: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1]);

let hive: HiveProcess;

beforeAll(async () => {
  hub = await startTestHub({ production: true });
  for (const name of SUBGRAPH_NAMES) passThroughUrls[name] = await startPassThrough(name, hub.subgraphUrls[name] ?? '');
  hive = await startHive();
}, 120_000);
beforeEach(() => {
  subgraphCalls.length = 0;
});
afterAll(async () => {
  await Promise.all(started.map((h) => h.stop()));
  await Promise.all(passThroughs.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  await hub?.stop();
});

const DIRECTORY = '{ zorgkantoorregios { code name } }';

describe('Hive Gateway serves the graph with the subgraph secret and the verified bearer token', () => {
  it('answers an anonymous directory read, as the hub does', async () => {
    const result = await post(hive.url, { query: DIRECTORY });
    expect(result.status).toBe(200);
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data?.zorgkantoorregios).toHaveLength(31);
    expect(subgraphCalls).toContain('sociale-kaart');
  });

  it('forwards a valid token: a signed-in professional reads their own notification settings', async () => {
    const token = await hub.tokenFor({ organizationType: 'GEMEENTE', roles: ['TOEGANG'], gemeenteCode: 'GM0363' });
    const result = await post(hive.url, { query: '{ myNotificationSettings { preferences { kind } } }' }, bearer(token));
    expect(result.body.errors).toBeUndefined();
    expect(result.status).toBe(200);
    expect(subgraphCalls).toContain('notifications');
  });

  it('gives the same anonymous refusal as the hub for data that needs a signed-in caller', async () => {
    const query = '{ myNotificationSettings { preferences { kind } } }';
    const [viaHub, viaHive] = await Promise.all([hub.graphql(query), post(hive.url, { query })]);
    expect(codeOf(viaHive)).toBe('UNAUTHENTICATED');
    expect(codeOf(viaHive)).toBe(codeOf(viaHub));
  });
});

describe('token check before any subgraph call', () => {
  const claims = () => ({ org: randomUUID(), org_type: 'GEMEENTE', roles: ['TOEGANG'], gemeente: 'GM0363' });

  const refusals: [string, () => Promise<string>][] = [
    [
      'an unsigned token (alg none)',
      async () => {
        const encode = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
        const now = Math.floor(Date.now() / 1000);
        return `${encode({ alg: 'none' })}.${encode({ ...claims(), sub: 's', iss: hub.issuer.issuer, aud: hub.issuer.audience, iat: now, exp: now + 600 })}.c2ln`;
      },
    ],
    [
      'a token that expired five minutes ago',
      () =>
        new SignJWT(claims())
          .setProtectedHeader({ alg: 'ES256' })
          .setSubject('s')
          .setIssuer(hub.issuer.issuer)
          .setAudience(hub.issuer.audience)
          .setIssuedAt(Math.floor(Date.now() / 1000) - 3600)
          .setExpirationTime(Math.floor(Date.now() / 1000) - 300)
          .sign(hub.issuer.privateKey),
    ],
    [
      'a token whose exp is ten years ahead',
      () =>
        new SignJWT(claims())
          .setProtectedHeader({ alg: 'ES256' })
          .setSubject('s')
          .setIssuer(hub.issuer.issuer)
          .setAudience(hub.issuer.audience)
          .setIssuedAt()
          .setExpirationTime(Math.floor(Date.now() / 1000) + 10 * 365 * 24 * 3600)
          .sign(hub.issuer.privateKey),
    ],
    [
      'a token of an issuer the hub does not trust',
      async () => {
        const stranger = await createEphemeralIssuer();
        return signToken(stranger, { subject: 's', organizationId: randomUUID(), organizationType: 'GEMEENTE', roles: ['TOEGANG'], gemeenteCode: 'GM0363' });
      },
    ],
    ['a header that is not a bearer JWT', async () => 'not-a-jwt'],
  ];

  it.each(refusals)('refuses %s with 401 and calls no subgraph', async (_label, make) => {
    const token = await make();
    const result = await post(hive.url, { query: DIRECTORY }, bearer(token));
    expect(result.status).toBe(401);
    expect(result.headers.get('www-authenticate')).toBe('Bearer');
    expect(codeOf(result)).toBe('UNAUTHENTICATED');
    expect(result.body.data ?? undefined).toBeUndefined();
    expect(JSON.stringify(result.body)).not.toContain(token);
    expect(subgraphCalls).toEqual([]);
  });
});

describe('operation limits, refused with 400 OPERATION_TOO_COMPLEX before any subgraph call', () => {
  const cases: [string, string, string][] = [
    ['too deep', `{ gemeenten { ${'zorgkantoorregio { gemeenten { '.repeat(5)}code${' } }'.repeat(5)} } }`, 'depth'],
    ['too many aliases', `{ ${Array.from({ length: 21 }, (_, i) => `a${i}: __typename`).join(' ')} }`, 'aliases'],
    ['too many root fields', `{ ${Array.from({ length: 9 }, (_, i) => `r${i}: zorgkantoorregios { code }`).join(' ')} }`, 'rootFields'],
    ['too many tokens', `{ zorgkantoorregios { ${'code '.repeat(2100)} } }`, 'tokens'],
    [
      'too costly (pages nested in pages)',
      '{ organizations(first: 100) { nodes { services(first: 100) { nodes { locations(first: 100) { nodes { id name } } } } } } }',
      'cost',
    ],
  ];

  it.each(cases)('refuses an operation %s', async (_label, query, limit) => {
    const result = await post(hive.url, { query });
    expect(codeOf(result)).toBe('OPERATION_TOO_COMPLEX');
    expect(result.body.errors?.[0]?.extensions?.limit).toBe(limit);
    expect(result.status).toBe(400);
    expect(result.body.data ?? undefined).toBeUndefined();
    expect(subgraphCalls).toEqual([]);
  });

  it('states the cost refusal in the hub terms, with the estimate and the maximum', async () => {
    const result = await post(hive.url, {
      query: '{ organizations(first: 100) { nodes { services(first: 100) { nodes { locations(first: 100) { nodes { id } } } } } } }',
    });
    const error = result.body.errors?.[0];
    expect(error?.message).toMatch(/estimated cost is \d+ .*at most 300000 is allowed/);
    expect(error?.extensions?.max).toBe(300_000);
    // All three pages live in the sociale kaart, so Hive costs them in one subgraph request, from the directives:
    // organizations 1, nodes 100, services 100, nodes 10,000, locations 10,000, nodes 1,000,000, id 1,000,000
    // (tests/cost-directives.test.ts computes the same way; the hub's limits.ts says 1,020,202).
    expect(error?.extensions?.value).toBe(2_020_201);
  });

  it('accepts the same pages at a size within the cost limit', async () => {
    const result = await post(hive.url, { query: '{ organizations(first: 10) { nodes { services(first: 10) { nodes { id } } } } }' });
    expect(result.body.errors).toBeUndefined();
    expect(result.status).toBe(200);
  });
});

describe('error masking', () => {
  it('does not suggest field names in production', async () => {
    const result = await post(hive.url, { query: '{ zorgkantoorregioos { code } }' });
    expect(result.status).toBe(400);
    expect(codeOf(result)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(result.body)).not.toMatch(/did you mean/i);
  });

  it('answers an operationName that names no operation and a syntax error as the hub does, without internal fields', async () => {
    for (const [query, operationName] of [
      ['query A { __typename }', 'B'],
      ['{ zorgkantoorregios { code ', undefined],
    ] as const) {
      const [viaHive, viaHub] = await Promise.all([
        post(hive.url, { query, ...(operationName ? { operationName } : {}) }),
        hub.graphql(query, undefined, { operationName }),
      ]);
      expect(viaHive.status).toBe(400);
      expect(viaHive.status).toBe(viaHub.status);
      expect(viaHive.body.errors?.[0]?.extensions).toEqual(viaHub.body.errors?.[0]?.extensions);
    }
    expect(subgraphCalls).toEqual([]);
  });

  it('refuses introspection in production', async () => {
    const result = await post(hive.url, { query: '{ __schema { types { name } } }' });
    expect(result.body.data?.__schema ?? undefined).toBeUndefined();
    expect(result.body.errors?.length).toBeGreaterThan(0);
    expect(subgraphCalls).toEqual([]);
  });

  it('answers a subgraph that cannot be reached as the hub does: SUBGRAPH_UNAVAILABLE naming it, without its address or the cause', async () => {
    await hub.stopSubgraph('sociale-kaart');
    try {
      const [result, viaHub] = await Promise.all([post(hive.url, { query: DIRECTORY }), hub.graphql(DIRECTORY)]);
      const text = JSON.stringify(result.body);
      expect(result.body.errors).toHaveLength(1);
      expect(result.body.errors?.[0]?.extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'sociale-kaart', reason: 'UNREACHABLE' });
      expect(result.body.errors?.[0]?.extensions).toEqual(viaHub.body.errors?.[0]?.extensions);
      expect(text).not.toMatch(/127\.0\.0\.1|localhost|ECONN|socket|hang up|:\d{4,5}\b|stack|zorgkantoorregios\{/i);
    } finally {
      await hub.startSubgraph('sociale-kaart');
    }
  });
});

describe('/hsds through Hive Gateway', () => {
  it('serves the open feed from the sociale kaart', async () => {
    const res = await fetch(new URL('/hsds/', hive.url));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('"version"');
    expect(subgraphCalls).toEqual(['sociale-kaart']);
  });

  it('refuses an absolute-form or scheme-relative target with 400 and fetches nothing', async () => {
    const other = createServer((_req, res) => res.end('internal-host-answer'));
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const otherPort = (other.address() as AddressInfo).port;
    const port = Number(new URL(hive.url).port);
    try {
      for (const line of [`GET http://127.0.0.1:${otherPort}/hsds/services HTTP/1.1`, `GET //127.0.0.1:${otherPort}/hsds/services HTTP/1.1`]) {
        const answer = await rawRequest(port, line);
        expect(statusOf(answer)).toBe(400);
        expect(answer).not.toContain('internal-host-answer');
      }
      expect(subgraphCalls).toEqual([]);
    } finally {
      await new Promise<void>((resolve) => other.close(() => resolve()));
    }
  });
});

describe('a subgraph called straight, without the gateway', () => {
  it('refuses a call without the secret Hive Gateway sends', async () => {
    for (const name of SUBGRAPH_NAMES) {
      const result = await hub.directSubgraphRequest(name, '{ __typename }');
      expect(result.status, name).toBe(401);
      const wrong = await hub.directSubgraphRequest(name, '{ __typename }', { secret: randomBytes(32).toString('base64url') });
      expect(wrong.status, name).toBe(401);
    }
  });

  it('does not let a client pass a secret header of its own through Hive Gateway', async () => {
    const result = await post(hive.url, { query: DIRECTORY }, { [SUBGRAPH_SECRET_HEADER]: 'client-chosen' });
    expect(result.status).toBe(200);
    expect(result.body.errors).toBeUndefined();
  });
});

describe('rate limit, body limit and forwarded headers', () => {
  let limited: HiveProcess;
  beforeAll(async () => {
    limited = await startHive({ RATE_LIMIT_BURST: '3', RATE_LIMIT_PER_SECOND: '0.01', MAX_REQUEST_BODY_BYTES: '2048' });
  }, 120_000);

  it('answers 429 with Retry-After once an organisation has used its burst, and serves another organisation', async () => {
    const orgA = await hub.tokenFor({ organizationType: 'GEMEENTE', roles: ['TOEGANG'], gemeenteCode: 'GM0363' });
    const orgB = await hub.tokenFor({ organizationType: 'GEMEENTE', roles: ['TOEGANG'], gemeenteCode: 'GM0363' });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await post(limited.url, { query: DIRECTORY }, bearer(orgA))).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const refused = await post(limited.url, { query: DIRECTORY }, bearer(orgA));
    expect(refused.status).toBe(429);
    expect(codeOf(refused)).toBe('RATE_LIMITED');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await post(limited.url, { query: DIRECTORY }, bearer(orgB))).status).toBe(200);
  });

  it('keeps anonymous callers in the bucket of their address, whatever x-forwarded-for they write', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await post(limited.url, { query: DIRECTORY }, { 'x-forwarded-for': `203.0.113.${i + 1}` })).status);
    expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
    expect(statuses.slice(3)).toEqual([429, 429]);
  });

  it('refuses a body over MAX_REQUEST_BODY_BYTES with 413 before any subgraph call', async () => {
    const orgC = await hub.tokenFor({ organizationType: 'GEMEENTE', roles: ['TOEGANG'], gemeenteCode: 'GM0363' });
    subgraphCalls.length = 0;
    const result = await post(limited.url, { query: DIRECTORY, variables: { padding: 'x'.repeat(4000) } }, bearer(orgC));
    expect(result.status).toBe(413);
    expect(subgraphCalls).toEqual([]);
  });
});
