import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, parse, Kind } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPOSITORY_ROOT } from '@hub/hub';
import { startTestHub, type GraphQLResult, type TestHub, type TokenSubject } from '@hub/testing';
import { measureOperation } from '../gateway/src/limits.ts';
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

  it('refuses an operation whose nested page sizes make it too costly, counting variables too', async () => {
    // Three nested pages of organisations' services: 100 × 100 × 100 items (a larger `first` is counted at the
    // cap the subgraph serves, 100), about 2,000,000, far over the default 300,000.
    const nested = (first: string) =>
      `organizations(first: ${first}) { nodes { services(first: ${first}) { nodes { organization { services(first: ${first}) { nodes { id name } } } } } } }`;
    expectTooComplex(await hub.graphql(`{ ${nested('100000')} }`, undefined, { token: await freshToken() }), 'cost');
    const plain = await hub.graphql('{ searchServices(first: 100000) { edges { node { id locations(first: 5) { nodes { name } } } } } }', undefined, {
      token: await freshToken(),
    });
    expect(plain.status).toBe(200);
    const byVariable = `query($n: Int) { ${nested('$n')} }`;
    expectTooComplex(await hub.graphql(byVariable, { n: 100000 }, { token: await freshToken() }), 'cost');
    const small = await hub.graphql(byVariable, { n: 5 }, { token: await freshToken() });
    expect(small.status).toBe(200);
    expect(small.body.errors).toBeUndefined();
  });
});

describe('operation cost', () => {
  // A schema of the graph's shapes whose sizes do not move: a connection with edges and nodes, a page nested in its
  // items, a list with a stated bound and one without.
  const schema = buildSchema(`
    type Query {
      things("Page size: default 20, capped at 100." first: Int = 20): ThingConnection!
      "Codes: at most 7."
      codes: [Code!]!
      "Places: at most 342."
      places: [Code!]!
      tags: [Code!]!
    }
    type ThingConnection { edges: [ThingEdge!]! nodes: [Thing!]! pageInfo: PageInfo! totalCount: Int! }
    type ThingEdge { cursor: String! node: Thing! }
    type PageInfo { hasNextPage: Boolean! endCursor: String }
    type Thing { id: ID! name: String! children("How many: default 5, clamped to 1–50." first: Int = 5): ThingConnection! }
    type Code { value: String! }
  `);
  const cost = (query: string, variables?: Record<string, unknown>) => measureOperation(schema, parse(query), { variables }).cost;

  it('counts a connection as its page size times one item, not once more for its edges or nodes', () => {
    // things 1 + nodes 1 + 10 items × (id + name)
    expect(cost('{ things(first: 10) { nodes { id name } } }')).toBe(1 + 1 + 10 * 2);
    // things 1 + edges 1 + 10 items × (cursor + node 1 + id + name)
    expect(cost('{ things(first: 10) { edges { cursor node { id name } } } }')).toBe(1 + 1 + 10 * 4);
    // edges and nodes each count their item once; pageInfo and totalCount once per page
    expect(cost('{ things(first: 10) { edges { node { id } } nodes { id } pageInfo { hasNextPage endCursor } totalCount } }')).toBe(
      1 + (1 + 10 * 2) + (1 + 10 * 1) + 3 + 1,
    );
  });

  it('multiplies a page nested in the items of another page', () => {
    // things 1 + nodes 1 + 10 items × (children 1 + nodes 1 + 4 items × id)
    expect(cost('{ things(first: 10) { nodes { children(first: 4) { nodes { id } } } } }')).toBe(1 + 1 + 10 * (1 + 1 + 4));
    expect(cost('{ things(first: 100) { nodes { children(first: 50) { nodes { children(first: 50) { nodes { id } } } } } } }')).toBeGreaterThan(100 * 50 * 50);
  });

  it('takes the size from the literal, the variable, its default or the schema default, within the stated cap', () => {
    expect(cost('{ things { nodes { id } } }')).toBe(1 + 1 + 20);
    expect(cost('query($n: Int) { things(first: $n) { nodes { id } } }', { n: 7 })).toBe(1 + 1 + 7);
    expect(cost('query($n: Int = 3) { things(first: $n) { nodes { id } } }')).toBe(1 + 1 + 3);
    expect(cost('{ things(first: 100000) { nodes { id } } }')).toBe(1 + 1 + 100);
    expect(cost('{ things(first: 1) { nodes { children(first: 1000) { nodes { id } } } } }')).toBe(1 + 1 + (1 + 1 + 50));
    expect(cost('{ things(first: 0) { nodes { id } } }')).toBe(1 + 1 + 1);
  });

  it('counts a plain list by the bound its description states (at most a full page of 100), and another list as 10', () => {
    expect(cost('{ codes { value } }')).toBe(1 + 7);
    expect(cost('{ places { value } }')).toBe(1 + 100);
    expect(cost('{ tags { value } }')).toBe(1 + 10);
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
