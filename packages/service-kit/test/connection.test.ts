import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  connectionFromList,
  connectionFromRows,
  decodeCursor,
  decodeTimestampCursor,
  encodeCursor,
  mapConnection,
  requirePageArgs,
} from '../src/connection.ts';

const id = '0b7c5f0e-8a43-4d59-9a55-3f3c1c1e2a01';

function refusal(cursor: string): GraphQLError {
  try {
    decodeTimestampCursor(cursor);
  } catch (e) {
    if (e instanceof GraphQLError) return e;
    throw e;
  }
  throw new Error('decodeTimestampCursor accepted the cursor');
}

describe('decodeTimestampCursor', () => {
  it('gives back a key as Postgres prints a timestamptz, microseconds included, and an ISO 8601 one', () => {
    for (const key of ['2026-11-23 10:00:00.123456+00', '2026-11-23 10:00:00+05:30', '2026-11-23T10:00:00.000Z', '2024-02-29 00:00:00Z']) {
      expect(decodeTimestampCursor(encodeCursor(key, id))).toEqual({ key, id });
    }
  });

  it('refuses with BAD_USER_INPUT a key Postgres could not read as a timestamptz, and a cursor that is none', () => {
    for (const key of ['2025-02-29 00:00:00Z', '2026-13-01 00:00:00Z', '0000-01-01 00:00:00Z', '2026-01-01 10:00:00', 'Wijkteam', "2026-01-01'; --"]) {
      expect(refusal(encodeCursor(key, id)).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    }
    expect(refusal('nonsense').extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});

describe('mapConnection', () => {
  it('maps the nodes of the edges and of nodes alike, and keeps cursors and page info', () => {
    const rows = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    const page = connectionFromRows(rows, 2, (r) => `cursor-${r.id}`, false);
    const mapped = mapConnection(page, (r) => ({ label: r.id.toUpperCase() }));
    expect(mapped.nodes).toEqual([{ label: 'A' }, { label: 'B' }]);
    expect(mapped.edges).toEqual([
      { cursor: 'cursor-a', node: { label: 'A' } },
      { cursor: 'cursor-b', node: { label: 'B' } },
    ]);
    expect(mapped.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false, startCursor: 'cursor-a', endCursor: 'cursor-b' });
  });
});

describe('requirePageArgs', () => {
  it('accepts the default, a large page and a cursor of this API; refuses a page below 1 and a cursor that is none', () => {
    expect(() => requirePageArgs({})).not.toThrow();
    expect(() => requirePageArgs({ first: 1000, after: encodeCursor('2026-01-01T00:00:00.000Z', id) })).not.toThrow();
    expect(() => requirePageArgs({ first: 0 })).toThrow(/first must be a positive integer/);
    expect(() => requirePageArgs({ after: 'nonsense' })).toThrow(/after is not a cursor/);
  });
});

describe('cursors', () => {
  it('round-trips the sort key and id', () => {
    const id = '8d0e7a4c-2b1f-5c3d-9e8f-0a1b2c3d4e5f';
    expect(decodeCursor(encodeCursor('Wijkteam Amsterdam', id))).toEqual({ key: 'Wijkteam Amsterdam', id });
  });

  it('refuses anything that is not one of our cursors with BAD_USER_INPUT naming the argument', () => {
    for (const bad of ['nonsense', Buffer.from('[1,2]').toString('base64url'), Buffer.from('["a","not-a-uuid"]').toString('base64url'), 'x'.repeat(2000)]) {
      try {
        decodeCursor(bad);
        expect.unreachable('cursor accepted');
      } catch (e) {
        expect((e as { extensions?: Record<string, unknown> }).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
      }
    }
  });
});

describe('connectionFromList', () => {
  const items = ['b', 'a', 'c', 'd', 'e'].map((name, i) => ({ id: `8d0e7a4c-2b1f-5c3d-9e8f-0a1b2c3d4e5${i}`, name }));

  it('pages a loaded list in its own order, with totalCount and cursors that lead to the next page', () => {
    const first = connectionFromList(items, { first: 2 }, (x) => x.name);
    expect(first.nodes.map((x) => x.name)).toEqual(['b', 'a']);
    expect(first).toMatchObject({ totalCount: 5, pageInfo: { hasNextPage: true, hasPreviousPage: false } });
    const last = connectionFromList(items, { first: 2, after: connectionFromList(items, { first: 4 }, (x) => x.name).pageInfo.endCursor }, (x) => x.name);
    expect(last.nodes.map((x) => x.name)).toEqual(['e']);
    expect(last.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    expect(last.edges[0]?.cursor).toBe(last.pageInfo.endCursor);
  });

  it('refuses a cursor of an item that is not in the list, and a first below 1, with BAD_USER_INPUT', () => {
    const foreign = encodeCursor('x', '8d0e7a4c-2b1f-5c3d-9e8f-0a1b2c3d4e5f');
    expect(() => connectionFromList(items, { after: foreign }, (x) => x.name)).toThrow(/after/);
    expect(() => connectionFromList(items, { first: 0 }, (x) => x.name)).toThrow(/first/);
  });
});
