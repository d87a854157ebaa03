import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '@hub/testing';
import { buildOrg } from '../../subgraphs/cases/test/builders.ts';

/**
 * /metrics tells an outsider how busy the hub is and which operations run: it answers only with METRICS_TOKEN, at the
 * gateway and straight at a subgraph, and is not there at all without a token configured. A caller cannot grow the
 * metrics with made-up operation names, nor put what it likes (a BSN) into a label.
 */

const METRICS_TOKEN = 'metrics-token-for-the-security-test-abcdefghijklmnop';

let hub: TestHub;
let plain: TestHub;

beforeAll(async () => {
  [hub, plain] = await Promise.all([startTestHub({ env: { METRICS_TOKEN } }), startTestHub({})]);
}, 120_000);

afterAll(async () => {
  await Promise.all([hub?.stop(), plain?.stop()]);
});

const metricsUrlOf = (graphqlUrl: string) => new URL('/metrics', graphqlUrl).toString();

describe('/metrics', () => {
  it('is not served when no METRICS_TOKEN is configured', async () => {
    const tries: Record<string, string>[] = [{}, { authorization: `Bearer ${METRICS_TOKEN}` }];
    for (const headers of tries) {
      const res = await fetch(plain.gatewayPath('/metrics'), { headers });
      expect(await res.text()).not.toContain('hub_graphql_operations_total');
      const direct = await fetch(metricsUrlOf(plain.subgraphUrls.cases ?? ''), { headers });
      expect(direct.status).toBe(404);
    }
  });

  it('refuses a missing, wrong, user or query-string token at the gateway', async () => {
    const user = await (await buildOrg(hub, 'GEMEENTE')).token(['BEHEERDER']);
    const attempts: [string, RequestInit][] = [
      [hub.gatewayPath('/metrics'), {}],
      [hub.gatewayPath('/metrics'), { headers: { authorization: `Bearer ${user}` } }],
      [hub.gatewayPath('/metrics'), { headers: { authorization: `Bearer ${METRICS_TOKEN.slice(0, -1)}` } }],
      [hub.gatewayPath('/metrics'), { headers: { authorization: `Basic ${Buffer.from(`x:${METRICS_TOKEN}`).toString('base64')}` } }],
      [hub.gatewayPath(`/metrics?token=${METRICS_TOKEN}`), {}],
    ];
    for (const [url, init] of attempts) {
      const res = await fetch(url, init);
      expect(res.status).toBe(401);
      const body = await res.text();
      expect(body).not.toContain('hub_');
      expect(JSON.parse(body).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
  });

  it('refuses a subgraph caller without the metrics token, even one holding the gateway secret', async () => {
    const url = metricsUrlOf(hub.subgraphUrls.cases ?? '');
    expect((await fetch(url)).status).toBe(401);
    expect((await fetch(url, { headers: { 'x-hub-subgraph-secret': hub.subgraphSecrets.cases ?? '' } })).status).toBe(401);
    const ok = await fetch(url, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('hub_graphql_operations_total');
  });

  it('does not grow a label for each made-up operation name, nor carry a BSN put in one', async () => {
    const token = await (await buildOrg(hub, 'GEMEENTE')).token(['CLIENTONDERSTEUNER']);
    const bsnName = 'B123456782';
    for (let i = 0; i < 25; i++) {
      const name = i === 0 ? bsnName : `Random${i}x${Math.random().toString(36).slice(2, 8)}`;
      await hub.graphql(`query ${name} { __typename }`, undefined, { token, operationName: name });
    }
    // A name that is no plain name at all (the gateway refuses the document) is no label either.
    await hub.graphql('{ __typename }', undefined, { token, operationName: '"; DROP' });
    const text = await (await fetch(hub.gatewayPath('/metrics'), { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
    expect(text).not.toContain(bsnName);
    expect(text).not.toContain('Random');
    expect(text).not.toContain('DROP');
    const operations = new Set([...text.matchAll(/^hub_graphql_operations_total\{[^}]*operation="([^"]*)"/gm)].map((m) => m[1]));
    expect(operations).toContain('other');
    expect([...operations].every((o) => o === 'other' || o === 'anonymous' || /^[A-Z][A-Za-z0-9]+$/.test(o ?? ''))).toBe(true);
    expect(operations.size).toBeLessThanOrEqual(3);
  });
});
