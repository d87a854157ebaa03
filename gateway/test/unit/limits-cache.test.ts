import { ApolloServer } from '@apollo/server';
import { afterAll, describe, expect, it } from 'vitest';
import { operationLimitsPlugin, type OperationLimits } from '../../src/limits.ts';

/**
 * The limits plugin remembers each parsed document's figures (Apollo Server hands it the same document for the same
 * query text): the verdict must still follow the variables that size the lists, and a document over the token limit
 * stays refused however often it is sent.
 */
const typeDefs = `#graphql
  type Tag { name: String! }
  type Item { id: ID! tags(first: Int): [Tag!]! }
  type Query {
    """A page of items, capped at 100."""
    items(first: Int = 5): [Item!]!
  }
`;
const limits: OperationLimits = { maxDepth: 10, maxAliases: 10, maxRootFields: 5, maxTokens: 60, maxCost: 200 };
const server = new ApolloServer({
  typeDefs,
  resolvers: { Query: { items: () => [] } },
  plugins: [operationLimitsPlugin(limits)],
});
await server.start();
afterAll(() => server.stop());

const query = 'query Items($n: Int, $t: Int) { items(first: $n) { id tags(first: $t) { name } } }';
const codeOf = async (q: string, variables: Record<string, unknown>) => {
  const { body } = await server.executeOperation({ query: q, variables });
  if (body.kind !== 'single') throw new Error('expected a single result');
  return body.singleResult.errors?.[0]?.extensions?.code ?? 'OK';
};

describe('operation limits remembered per document', () => {
  it('judges the same document again for other page sizes, and the same way for the same ones', async () => {
    // Cost: 1 + n × (1 + 1 + t): 61 for n = 5, t = 10; 601 for n = 50; 511 for t = 100 (at most 200).
    expect(await codeOf(query, { n: 5, t: 10 })).toBe('OK');
    expect(await codeOf(query, { n: 50, t: 10 })).toBe('OPERATION_TOO_COMPLEX');
    expect(await codeOf(query, { n: 5, t: 10 })).toBe('OK');
    expect(await codeOf(query, { n: 5, t: 100 })).toBe('OPERATION_TOO_COMPLEX');
    // Without $n the argument is absent and the schema default (5) counts; with $t absent the list counts as 10.
    expect(await codeOf(query, {})).toBe('OK');
    expect(await codeOf(query, { n: 50, t: 10 })).toBe('OPERATION_TOO_COMPLEX');
  });

  it('refuses a document over the token limit every time it is sent', async () => {
    const long = `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: items { id }`).join(' ')} }`;
    expect(await codeOf(long, {})).toBe('OPERATION_TOO_COMPLEX');
    expect(await codeOf(long, {})).toBe('OPERATION_TOO_COMPLEX');
  });
});
