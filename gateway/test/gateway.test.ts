import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUBGRAPH_NAMES } from '@hub/config';
import { createEphemeralIssuer, signToken } from '@hub/identity';
import { startTestHub, type LogLine, type TestHub } from '@hub/testing';

/** The gateway in front of the real subgraphs, in development mode, with every log line captured. */

const BODY_LIMIT = 4096;
let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ captureLogs: true, env: { MAX_REQUEST_BODY_BYTES: String(BODY_LIMIT) } });
});
afterAll(async () => {
  await hub?.stop();
});

const GEMEENTE = 'query Gemeente($code: String!) { gemeente(code: $code) { code name } }';
const AMSTERDAM = { data: { gemeente: { code: 'GM0363', name: 'Amsterdam' } } };

const requestLines = (service: string, reqId: string): LogLine[] =>
  hub.logs.filter((line) => line.service === service && line.msg === 'request' && line.reqId === reqId);

/** The request id the gateway generated for a request (callers cannot choose it), from the response header. */
function hubRequestId(res: { headers: Headers }): string {
  const reqId = res.headers.get('x-request-id') ?? '';
  expect(reqId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  return reqId;
}

const tokenFor = () => hub.tokenFor({ organizationType: 'GEMEENTE', roles: ['TOEGANG'], gemeenteCode: 'GM0363' });
const subgraphOrigin = (name: string) => new URL(hub.subgraphUrls[name] ?? 'http://missing.invalid').origin;

describe('bearer tokens at the gateway', () => {
  it('serves an anonymous request (the subgraphs decide what anonymous callers may read)', async () => {
    const res = await hub.graphql(GEMEENTE, { code: 'GM0363' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(AMSTERDAM);
  });

  it('passes a valid token on and the subgraph is called', async () => {
    const res = await hub.graphql(GEMEENTE, { code: 'GM0363' }, { token: await tokenFor() });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(AMSTERDAM);
    expect(requestLines('sociale-kaart', hubRequestId(res))).toHaveLength(1);
  });

  const badAuthorizations: [string, () => Promise<string>][] = [
    ['a header that is not a bearer token', async () => 'Basic dXNlcjpwYXNzd29yZA=='],
    ['a bearer value that is not a JWT', async () => 'Bearer not-a-token'],
    ['a JWT-shaped value that does not decode', async () => 'Bearer abc.def.ghi'],
    ['an expired token', async () => `Bearer ${await hub.tokenFor({ organizationType: 'GEMEENTE', roles: ['TOEGANG'], expiresIn: '5 minutes ago' })}`],
    [
      'a token from an issuer the hub does not trust',
      async () => {
        const stranger = await createEphemeralIssuer('https://stranger.example/issuer', hub.issuer.audience);
        return `Bearer ${await signToken(stranger, { subject: 's', organizationId: randomUUID(), organizationType: 'OCO', roles: ['BEHEERDER'] })}`;
      },
    ],
    [
      'a token signed with another key under the trusted issuer name',
      async () => {
        const forger = await createEphemeralIssuer(hub.issuer.issuer, hub.issuer.audience);
        return `Bearer ${await signToken(forger, { subject: 's', organizationId: randomUUID(), organizationType: 'OCO', roles: ['BEHEERDER'] })}`;
      },
    ],
    [
      'a token for another audience',
      async () => {
        const other = { ...hub.issuer, audience: 'another-api' };
        return `Bearer ${await signToken(other, { subject: 's', organizationId: randomUUID(), organizationType: 'OCO', roles: ['BEHEERDER'] })}`;
      },
    ],
  ];

  it.each(badAuthorizations)('refuses %s with 401 UNAUTHENTICATED before any subgraph is called', async (_case, authorization) => {
    const res = await hub.graphql(GEMEENTE, { code: 'GM0363' }, { headers: { authorization: await authorization() } });
    const reqId = hubRequestId(res);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
    expect(res.body).toEqual({ errors: [{ message: expect.any(String), extensions: { code: 'UNAUTHENTICATED' } }] });
    expect(requestLines('sociale-kaart', reqId)).toEqual([]);
    expect(requestLines('gateway', reqId)).toMatchObject([{ status: 401 }]);
  });
});

describe('direct subgraph calls', () => {
  const ENTITIES = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Gemeente { code name } } }';
  const representations = { r: [{ __typename: 'Gemeente', code: 'GM0363' }] };
  const operations: [string, string, Record<string, unknown> | undefined][] = [
    ['_service { sdl }', '{ _service { sdl } }', undefined],
    ['_entities', ENTITIES, representations],
    ['an ordinary query', '{ gemeente(code: "GM0363") { name } }', undefined],
  ];

  for (const name of SUBGRAPH_NAMES) {
    describe(name, () => {
      it.each(operations)('refuses %s without the gateway secret, with no data', async (_op, query, variables) => {
        const res = await hub.directSubgraphRequest(name, query, { variables, token: await tokenFor() });
        expect(res.status).toBe(401);
        expect(res.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
        expect(res.body).not.toHaveProperty('data');
      });

      it.each(operations)('refuses %s with a wrong secret of the right length, with no data', async (_op, query, variables) => {
        const right = hub.subgraphSecrets[name] ?? '';
        const wrong = randomBytes(right.length).toString('base64url').slice(0, right.length);
        expect(wrong).not.toBe(right);
        const res = await hub.directSubgraphRequest(name, query, { variables, secret: wrong });
        expect(res.status).toBe(401);
        expect(res.body).not.toHaveProperty('data');
      });

      it('refuses the secret of the internal endpoints as a gateway secret', async () => {
        const res = await hub.directSubgraphRequest(name, '{ _service { sdl } }', { secret: hub.internalSecret });
        expect(res.status).toBe(401);
        expect(res.body).not.toHaveProperty('data');
      });
    });
  }

  it('answers the same calls with the gateway secret (so the refusals above are about the secret)', async () => {
    const secret = hub.subgraphSecrets['sociale-kaart'];
    const sdl = await hub.directSubgraphRequest<{ _service: { sdl: string } }>('sociale-kaart', '{ _service { sdl } }', { secret });
    expect(sdl.status).toBe(200);
    expect(sdl.body.data?._service.sdl).toContain('type Service');
    const entities = await hub.directSubgraphRequest('sociale-kaart', ENTITIES, { secret, variables: representations });
    expect(entities.body).toEqual({ data: { _entities: [{ code: 'GM0363', name: 'Amsterdam' }] } });
  });
});

describe('health and readiness', () => {
  it('the gateway is live and ready when every subgraph is', async () => {
    const health = await fetch(hub.gatewayPath('/health'));
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await fetch(hub.gatewayPath('/ready'));
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', subgraphs: Object.fromEntries(SUBGRAPH_NAMES.map((n) => [n, 'ready'])) });
  });

  it.each(SUBGRAPH_NAMES)('subgraph %s answers /health and /ready without the secret', async (name) => {
    const health = await fetch(`${subgraphOrigin(name)}/health`);
    expect(health.status).toBe(200);
    const ready = await fetch(`${subgraphOrigin(name)}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });
});

describe('request ids, trace context and logs', () => {
  it("logs its own request id and trace id, with the caller's as callerRequestId / callerTraceId, and the subgraph joins them", async () => {
    const callerTraceId = randomBytes(16).toString('hex');
    const callerRequestId = `trace-test-${randomUUID()}`;
    const res = await hub.graphql(
      GEMEENTE,
      { code: 'GM0363' },
      {
        headers: { traceparent: `00-${callerTraceId}-${randomBytes(8).toString('hex')}-01`, 'x-request-id': callerRequestId },
      },
    );
    expect(res.status).toBe(200);
    const reqId = hubRequestId(res);
    const [gatewayLine] = requestLines('gateway', reqId);
    expect(gatewayLine).toMatchObject({ callerRequestId, callerTraceId, status: 200, operationName: 'Gemeente', path: '/graphql' });
    expect(gatewayLine?.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(gatewayLine?.traceId).not.toBe(callerTraceId);
    expect(requestLines('sociale-kaart', reqId)).toMatchObject([{ traceId: gatewayLine?.traceId, status: 200 }]);
  });

  it('starts a trace when none comes in and the subgraph joins it', async () => {
    const res = await hub.graphql(GEMEENTE, { code: 'GM0363' });
    const reqId = res.headers.get('x-request-id') ?? '';
    expect(reqId).not.toBe('');
    const [gatewayLine] = requestLines('gateway', reqId);
    expect(gatewayLine?.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(requestLines('sociale-kaart', reqId)).toMatchObject([{ traceId: gatewayLine?.traceId }]);
  });

  it('ignores a malformed traceparent and request id instead of logging them', async () => {
    const res = await hub.graphql(GEMEENTE, { code: 'GM0363' }, { headers: { traceparent: 'garbage', 'x-request-id': 'bad id with spaces' } });
    const reqId = res.headers.get('x-request-id') ?? '';
    expect(reqId).not.toBe('bad id with spaces');
    expect(requestLines('gateway', reqId)).toHaveLength(1);
    expect(hub.logText()).not.toContain('garbage');
  });

  it('never logs tokens or variables', async () => {
    const token = await tokenFor();
    const marker = `GM${String(Math.floor(Math.random() * 9000) + 1000)}`;
    const res = await hub.graphql(GEMEENTE, { code: marker }, { token });
    expect(res.status).toBe(200);
    const reqId = res.headers.get('x-request-id') ?? '';
    expect(requestLines('gateway', reqId)).toHaveLength(1);
    const text = hub.logText();
    expect(text).not.toContain(token);
    expect(text).not.toContain(token.split('.')[2]);
    expect(text).not.toContain(marker);
  });
});

describe('request limits and routes', () => {
  const padded = (bytes: number) => JSON.stringify({ query: GEMEENTE, variables: { code: 'GM0363', padding: 'x'.repeat(bytes) } });

  it('refuses a body over the limit with 413 and calls no subgraph', async () => {
    const res = await fetch(hub.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: padded(BODY_LIMIT * 2),
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ errors: [{ extensions: { code: 'BAD_REQUEST' } }] });
    expect(requestLines('sociale-kaart', hubRequestId(res))).toEqual([]);
  });

  it('refuses an oversized body that does not declare its length', async () => {
    const chunk = new TextEncoder().encode(padded(BODY_LIMIT * 2));
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(chunk);
        controller.close();
      },
    });
    const res = await fetch(hub.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
  });

  it('accepts a body just under the limit', async () => {
    const body = padded(BODY_LIMIT - 400);
    expect(Buffer.byteLength(body)).toBeLessThan(BODY_LIMIT);
    const res = await fetch(hub.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(res.status).toBe(200);
  });

  it('refuses batched requests', async () => {
    const res = await fetch(hub.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ gemeenten { code } }' }, { query: '{ gemeenten { code } }' }]),
    });
    expect(res.status).toBe(400);
    expect(await res.text()).not.toContain('"data"');
  });

  it('suggests field names in development', async () => {
    const res = await hub.graphql('{ gemeentn { code } }');
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.message).toContain('Did you mean');
  });

  it("gives a browser on /graphql the hub's own GraphiQL, never Apollo's CDN sandbox (the web console has the bare origin)", async () => {
    const root = await fetch(hub.gatewayPath('/'), { redirect: 'manual' });
    expect(root.status).not.toBe(302);
    // GraphiQL is built with the console (tests/console/graphiql.test.ts): without a build the answer says how to make one.
    const landing = await fetch(hub.gatewayUrl, { headers: { accept: 'text/html' } });
    const text = await landing.text();
    expect(text).not.toMatch(/apollographql|embeddable-sandbox|https?:\/\/(?!www\.w3\.org)/);
    if (landing.status === 404) expect(text).toContain('console:build');
    else expect(text).toContain('<div id="graphiql">');
  });

  it('answers unknown paths with 404 in the hub error shape', async () => {
    const res = await fetch(hub.gatewayPath('/nowhere'));
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ errors: [{ message: 'Not found.', extensions: { code: 'NOT_FOUND' } }] });
  });
});
