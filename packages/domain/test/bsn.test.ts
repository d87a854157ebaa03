import { describe, expect, it } from 'vitest';
import { deterministicUuid, isUuid, isValidBsn, normalizeBsn } from '../src/index.ts';

describe('BSN elfproef', () => {
  it('accepts the documented example 123456782 (S = 154)', () => {
    expect(isValidBsn('123456782')).toBe(true);
  });

  it('refuses numbers whose weighted sum is not a multiple of 11', () => {
    for (const bsn of ['123456789', '123456781', '111111111', '987654320']) expect(isValidBsn(bsn)).toBe(false);
  });

  it('refuses the all-zero number (S must be > 0)', () => {
    expect(isValidBsn('000000000')).toBe(false);
  });

  it('pads an 8-digit number with a leading zero', () => {
    expect(normalizeBsn('12345672')).toBe('012345672');
    // 0·9 + 1·8 + 2·7 + 3·6 + 4·5 + 5·4 + 6·3 + 7·2 − 2 = 110
    expect(isValidBsn('12345672')).toBe(true);
  });

  it('refuses anything that is not 8 or 9 digits', () => {
    for (const bsn of ['', '1234567', '1234567890', '12345678a', '123 456 782', '-23456782']) expect(isValidBsn(bsn)).toBe(false);
  });
});

describe('deterministic ids', () => {
  it('gives a valid, stable UUID per name and different ones for different names', () => {
    const a = deterministicUuid('ns', 'a');
    expect(isUuid(a)).toBe(true);
    expect(deterministicUuid('ns', 'a')).toBe(a);
    expect(deterministicUuid('ns', 'b')).not.toBe(a);
    expect(deterministicUuid('other', 'a')).not.toBe(a);
  });
});
