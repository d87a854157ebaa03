import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '@hub/testing';

/**
 * Production mode: configured secrets and issuers (as docker-compose sets them), no introspection, no
 * field suggestions, no stack traces, no landing page.
 */

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ production: true });
});
afterAll(async () => {
  await hub?.stop();
});

describe('the gateway in production mode', () => {
  it('runs on the configured secrets and trusts the configured issuer', async () => {
    expect(hub.config.production).toBe(true);
    expect(hub.subgraphSecrets['sociale-kaart']).toBe(hub.config.subgraphs['sociale-kaart'].secret);
    const token = await hub.tokenFor({ organizationType: 'GEMEENTE', roles: ['TOEGANG'], gemeenteCode: 'GM0363' });
    const res = await hub.graphql('query Gemeente { gemeente(code: "GM0363") { name } }', undefined, { token });
    expect(res.body).toEqual({ data: { gemeente: { name: 'Amsterdam' } } });
  });

  it.each([
    ['__schema', '{ __schema { types { name } } }'],
    ['__type', '{ __type(name: "Service") { fields { name } } }'],
  ])('refuses introspection through %s', async (_name, query) => {
    const res = await hub.graphql(query);
    expect(res.status).toBe(400);
    expect(res.body).not.toHaveProperty('data');
    expect(res.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(res.body)).not.toContain('searchServices');
  });

  it('refuses introspection on the subgraph too, even with the gateway secret', async () => {
    const res = await hub.directSubgraphRequest('sociale-kaart', '{ __schema { types { name } } }', { secret: hub.subgraphSecrets['sociale-kaart'] });
    expect(res.status).toBe(400);
    expect(res.body).not.toHaveProperty('data');
  });

  it('hides field and argument suggestions', async () => {
    const field = await hub.graphql('{ gemeentn { code } }');
    expect(field.status).toBe(400);
    expect(field.body.errors?.[0]?.message).toMatch(/Cannot query field "gemeentn"/);
    expect(JSON.stringify(field.body)).not.toMatch(/Did you mean|gemeenten/);
    const argument = await hub.graphql('{ gemeente(cod: "GM0363") { name } }');
    expect(JSON.stringify(argument.body)).not.toMatch(/Did you mean/);
  });

  it('never sends stack traces', async () => {
    const res = await hub.graphql('{ searchServices(first: -1) { totalCount } }');
    expect(res.body.errors?.length).toBeGreaterThan(0);
    expect(JSON.stringify(res.body)).not.toMatch(/stacktrace|exception|\bat \S+ \(/);
  });

  it('serves no landing page and does not redirect the bare origin to one', async () => {
    const root = await fetch(hub.gatewayPath('/'), { redirect: 'manual' });
    expect(root.status).not.toBe(302);
    const landing = await fetch(hub.gatewayUrl, { headers: { accept: 'text/html' } });
    expect(landing.headers.get('content-type') ?? '').not.toContain('text/html');
  });

  it('serves no GraphiQL, under neither of its paths', async () => {
    for (const path of ['/graphiql', '/graphiql.html']) {
      const res = await fetch(hub.gatewayPath(path), { headers: { accept: 'text/html' } });
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type') ?? '', path).not.toContain('text/html');
    }
  });
});
