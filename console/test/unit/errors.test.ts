import { describe, expect, it } from 'vitest';
import { ErrorCode } from '@hub/errors';
import { describeError, ERROR_TEXTS, FIELD_ERROR_TEXTS, fieldErrorText } from '../../src/errors.ts';

/** Every code of the hub's registry has a Dutch text in the console, saying what happened and what to do next. */
describe('the console error texts', () => {
  const codes = Object.values(ErrorCode);

  it('cover every code of the registry, and only those', () => {
    expect(codes.length).toBeGreaterThan(10);
    expect(Object.keys(ERROR_TEXTS).sort()).toEqual([...codes].sort());
  });

  it.each(codes)('say in Dutch what happened and what to do for %s', (code) => {
    const text = ERROR_TEXTS[code];
    expect(text.title.length).toBeGreaterThan(10);
    expect(text.action.length).toBeGreaterThan(10);
    // Written for people, not developers: no code names, no English.
    expect(`${text.title} ${text.action}`).not.toMatch(/[A-Z]{3,}_|\b(the|error|please|token|request)\b/i);
  });

  it('name the missing consent (category and purpose) and how to record it', () => {
    const dutch = describeError({ code: 'CONSENT_REQUIRED', extensions: { category: 'PLAN', purpose: 'WARM_HANDOVER', reason: 'EXPIRED' } });
    const all = [dutch.title, dutch.action, ...dutch.details].join(' ');
    expect(all).toContain('persoonlijk plan');
    expect(all).toContain('warme overdracht');
    expect(all).toContain('verlopen');
    expect(all).toMatch(/legt .*vast/);
  });

  it('falls back to a general Dutch text for a code it does not know', () => {
    const dutch = describeError({ code: 'SOMETHING_NEW', extensions: {} });
    expect(dutch.title).toBe('Er ging iets mis.');
  });

  it('say next to its field that the hub does not know a postcode, in Dutch, without the postcode', () => {
    const error = {
      code: 'BAD_USER_INPUT',
      extensions: {
        field: 'filter.near.postcode',
        fields: [{ path: 'filter.near.postcode', code: 'UNKNOWN_POSTCODE', message: 'No postcode area is known.' }],
      },
    };
    expect(fieldErrorText([error], 'filter.near.postcode')).toBe(FIELD_ERROR_TEXTS.UNKNOWN_POSTCODE);
    expect(fieldErrorText([error], 'filter.near.gemeenteCode')).toBeUndefined();
    expect(
      fieldErrorText([{ code: 'BAD_USER_INPUT', extensions: { fields: [{ path: 'filter.near.postcode', code: 'INVALID' }] } }], 'filter.near.postcode'),
    ).toBeUndefined();
    for (const text of Object.values(FIELD_ERROR_TEXTS)) expect(text).not.toMatch(/[A-Z]{3,}_|\b(the|error|please)\b/i);
  });
});
