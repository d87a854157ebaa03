import { describe, expect, it } from 'vitest';
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
