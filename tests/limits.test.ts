import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, Kind } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPOSITORY_ROOT } from '@hub/hub';
import { startTestHub, type GraphQLResult, type TestHub, type TokenSubject } from '@hub/testing';
import { createRateLimiter } from '../gateway/src/rate-limit.ts';

/**
 * Gateway hardening: operation limits (depth, aliases, root fields, tokens, cost) and the rate limit per
 * organisation. The hub runs with the default operation limits and a deliberately low rate limit; every test
 * except the rate-limit ones uses a token of a fresh organisation, so each has a full bucket of its own.
 */

const JOURNEYS = join(REPOSITORY_ROOT, 'tests', 'journeys');
const journeyOperations = readdirSync(JOURNEYS)
  .filter((f) => f.endsWith('.graphql'))
  .flatMap((file) => {
    const text = readFileSync(join(JOURNEYS, file), 'utf8');
    return parse(text)
      .definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION)
      .map((d) => [`${file} ${d.name?.value ?? ''}`, text, d.name?.value ?? ''] as const);
  });

const BURST = 5;

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ env: { RATE_LIMIT_PER_SECOND: '0.5', RATE_LIMIT_BURST: String(BURST) } });
});
afterAll(async () => {
  await hub?.stop();
});

/** A token of an organisation no other test uses: its own full bucket. */
const freshToken = () => hub.tokenFor({ organizationType: 'GEMEENTE', roles: ['TOEGANG'], name: 'Test Toegang', gemeenteCode: 'GM0363' });

function expectTooComplex(result: GraphQLResult, limit: string): void {
  expect(result.status).toBe(400);
  expect(result.body.data ?? undefined).toBeUndefined();
  expect(result.body.errors?.[0]?.extensions?.code).toBe('OPERATION_TOO_COMPLEX');
  expect(result.body.errors?.[0]?.extensions?.limit).toBe(limit);
  expect(result.body.errors?.[0]?.message).toMatch(/at most \d+/);
}

describe('operation limits', () => {
  it('has found the journeys', () => {
    expect(journeyOperations.length).toBeGreaterThanOrEqual(20);
  });

  it.each(journeyOperations)('lets the journey operation %s through', async (_label, text, operationName) => {
    // Without variables most journeys fail in execution (missing variables): after the limits, before any write.
    const result = await hub.graphql(text, undefined, { token: await freshToken(), operationName });
    const codes = (result.body.errors ?? []).map((e) => e.extensions?.code);
    expect(codes).not.toContain('OPERATION_TOO_COMPLEX');
    expect(result.status).toBeLessThan(500);
  });

  it('lets the search journey through at any page size (the subgraph caps it at 100)', async () => {
    const text = readFileSync(join(JOURNEYS, 'toegang-search-by-gemeente.graphql'), 'utf8');
    const result = await hub.graphql(text, { gemeenteCode: 'GM0363', first: 1_000_000 }, { token: await freshToken() });
    expect(result.body.errors).toBeUndefined();
    expect(result.status).toBe(200);
  });

  it('refuses nesting deeper than the limit', async () => {
    const deep = `{ organizations(first: 1) { nodes { ${'parent { '.repeat(10)}id${' }'.repeat(10)} } } }`;
    expectTooComplex(await hub.graphql(deep, undefined, { token: await freshToken() }), 'depth');
  });

  it('refuses more aliases than the limit', async () => {
    const aliased = `{ ${Array.from({ length: 21 }, (_, i) => `a${i}: __typename`).join(' ')} }`;
    expectTooComplex(await hub.graphql(aliased, undefined, { token: await freshToken() }), 'aliases');
  });

  it('refuses more root fields than the limit', async () => {
    const wide = `{ ${Array.from({ length: 9 }, (_, i) => `r${i}: __typename`).join(' ')} }`;
    expectTooComplex(await hub.graphql(wide, undefined, { token: await freshToken() }), 'rootFields');
  });

  it('refuses a document with more tokens than the limit, and one far beyond it without parsing it whole', async () => {
    // Inline fragments keep the long document valid, so the token limit is what refuses it.
    const long = `{ ${'... on Query { __typename } '.repeat(400)}}`;
    expectTooComplex(await hub.graphql(long, undefined, { token: await freshToken() }), 'tokens');
    const huge = `{ ${'... on Query { __typename } '.repeat(4000)}}`;
    const result = await hub.graphql(huge, undefined, { token: await freshToken() });
    expect(result.status).toBe(400);
    expect(result.body.errors?.[0]?.message).toMatch(/tokens/);
  });

  it('refuses an operation whose requested page sizes make it too costly, counting variables too', async () => {
    // A page beyond the largest is counted as the largest (500; subgraphs cap rather than refuse it): nested lists
    // below it make the cost.
    const nested = 'edges { node { organization { services { nodes { locations(first: 1) { nodes { name } } } } } } }';
    const costly = `{ searchServices(first: 100000) { ${nested} } }`;
    expectTooComplex(await hub.graphql(costly, undefined, { token: await freshToken() }), 'cost');
    const plain = await hub.graphql('{ searchServices(first: 100000) { edges { node { id locations(first: 5) { nodes { name } } } } } }', undefined, {
      token: await freshToken(),
    });
    expect(plain.status).toBe(200);
    const byVariable = `query($n: Int) { searchServices(first: $n) { ${nested} } }`;
    expectTooComplex(await hub.graphql(byVariable, { n: 100000 }, { token: await freshToken() }), 'cost');
    const small = await hub.graphql(byVariable, { n: 5 }, { token: await freshToken() });
    expect(small.status).toBe(200);
  });
});

describe('operation limits against fragment bombs', () => {
  it('refuses fragments that each spread the next one twice, quickly (each fragment is walked once)', async () => {
    const levels = 40;
    const fragments = Array.from({ length: levels }, (_, i) =>
      i === levels - 1 ? `fragment F${i} on Organization { id name }` : `fragment F${i} on Organization { ...F${i + 1} parent { ...F${i + 1} } }`,
    ).join('\n');
    const started = performance.now();
    const result = await hub.graphql(`{ organizations(first: 1) { nodes { ...F0 } } }\n${fragments}`, undefined, { token: await freshToken() });
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(result.status).toBe(400);
    expect(result.body.errors?.[0]?.extensions?.code).toBe('OPERATION_TOO_COMPLEX');
  });
});

describe('rate limit per organisation', () => {
  it('answers 429 with Retry-After and RATE_LIMITED once an organisation has used its burst, others unaffected', async () => {
    const organizationId = randomUUID();
    const subject: TokenSubject = { organizationType: 'GEMEENTE', roles: ['TOEGANG'], name: 'Test Toegang', gemeenteCode: 'GM0363', organizationId };
    const token = await hub.tokenFor(subject);
    for (let i = 0; i < BURST; i += 1) expect((await hub.graphql('{ __typename }', undefined, { token })).status).toBe(200);
    const limited = await hub.graphql('{ __typename }', undefined, { token });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(limited.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    // Another token of the same organisation shares the bucket; another organisation has its own.
    const sameOrg = await hub.tokenFor(subject);
    expect((await hub.graphql('{ __typename }', undefined, { token: sameOrg })).status).toBe(429);
    expect((await hub.graphql('{ __typename }', undefined, { token: await freshToken() })).status).toBe(200);
  });

  it('keys anonymous callers by client address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i <= BURST; i += 1) statuses.push((await hub.graphql('{ __typename }')).status);
    expect(statuses.slice(0, BURST)).toEqual(Array.from({ length: BURST }, () => 200));
    expect(statuses[BURST]).toBe(429);
  });

  it('refills the bucket over time', () => {
    let now = 0;
    const limiter = createRateLimiter({ perSecond: 2, burst: 2, now: () => now });
    limiter.take('org:a');
    limiter.take('org:a');
    expect(() => limiter.take('org:a')).toThrow(/retry after 1 s/);
    now += 500;
    expect(() => limiter.take('org:a')).not.toThrow();
    expect(() => limiter.take('org:a')).toThrow();
  });
});
