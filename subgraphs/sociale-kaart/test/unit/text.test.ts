import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from '../../src/cursor.ts';
import { buildSearchText, foldText, searchWords } from '../../src/text.ts';

describe('search text', () => {
  it('folds accents and case so cliëntondersteuning and clientondersteuning meet', () => {
    expect(foldText('Cliëntondersteuning Één')).toBe('clientondersteuning een');
  });

  it('splits a query into safe words and drops punctuation that would break a tsquery', () => {
    expect(searchWords("schulden & (hulp) | 'x':*")).toEqual(['schulden', 'hulp', 'x']);
    expect(searchWords('   ')).toEqual([]);
  });

  it('limits the number of words a query may add', () => {
    expect(searchWords(Array.from({ length: 50 }, (_, i) => `w${i}`).join(' '))).toHaveLength(12);
  });

  it('adds Dutch words for the code lists to the indexed text', () => {
    const text = buildSearchText({
      name: 'Steunpunt',
      description: '',
      organizationName: 'Welzijn Oost',
      legalDomains: [],
      lifeDomains: ['FINANCIEN_EN_SCHULDEN'],
      targetGroups: ['MANTELZORGERS'],
      supportForms: [],
    });
    expect(text).toContain('schulden');
    expect(text).toContain('mantelzorg');
    expect(text).toContain('welzijn oost');
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
