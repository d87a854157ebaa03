import { describe, expect, it } from 'vitest';
import { bsnCheckDigit, deterministicUuid, isUuid, isValidBsn, normalizeBsn } from '../src/index.ts';

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

describe('BSN check digit', () => {
  /** The elfproef as written down: every ninth digit for which S = 9·d1 + … + 2·d8 − d9 is positive and divisible by 11. */
  const digitsPassing = (first8: string) =>
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].filter((d9) => {
      const s = [...first8].reduce((sum, d, i) => sum + (9 - i) * Number(d), 0) - d9;
      return s > 0 && s % 11 === 0;
    });

  it('is the one ninth digit that passes the elfproef, or null when none does', () => {
    const prefixes = ['12345678', '00000000', '00000001', '00000005', '99990000', '90000000', '10000000'];
    for (let n = 0; n < 3000; n++) prefixes.push(String((n * 33_331 + 7) % 100_000_000).padStart(8, '0'));
    let withoutDigit = 0;
    for (const first8 of prefixes) {
      const passing = digitsPassing(first8);
      expect(passing.length, first8).toBeLessThanOrEqual(1);
      expect(bsnCheckDigit(first8), first8).toBe(passing[0] ?? null);
      if (passing.length === 0) withoutDigit++;
      else expect(isValidBsn(`${first8}${passing[0]}`)).toBe(true);
    }
    // About 1 in 11 prefixes has no check digit (a remainder of 10).
    expect(withoutDigit).toBeGreaterThan(150);
  });

  it('refuses anything but eight digits', () => {
    for (const bad of ['1234567', '123456789', '1234567a']) expect(() => bsnCheckDigit(bad)).toThrow();
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
