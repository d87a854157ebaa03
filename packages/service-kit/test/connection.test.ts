import { describe, expect, it } from 'vitest';
import { connectionFromList, decodeCursor, encodeCursor } from '../src/connection.ts';

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
