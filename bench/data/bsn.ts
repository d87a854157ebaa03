import { bsnCheckDigit } from '@hub/domain';

/**
 * Benchmark BSNs: the n-th number is built from the 8-digit prefix 90 000 000 + 3n and its elfproef check digit
 * (`bsnCheckDigit`). A prefix whose remainder (9·d1 + … + 2·d8) mod 11 is 10 has no check digit; then prefix + 1 is
 * used, whose remainder differs by 2 (or by −4 across a carry), so it always has one. Prefixes step by 3 and take at
 * most +1, so the numbers are unique, increasing and computed in O(1).
 *
 * The sequence runs from 900 000 000 up (up to about 915 000 000 at national scale; 3.3 million numbers fit below
 * 999 999 999), well apart from the 9999xxxxx block of the demo data. These are generated test numbers attached to
 * fictional people, never real ones; like any BSN the hub stores them only encrypted and hashed.
 */

const FIRST_PREFIX = 90_000_000;
const STEP = 3;
/** The last n whose prefix (+1) still has 8 digits. */
const MAX_BENCH_BSNS = Math.floor((99_999_998 - FIRST_PREFIX) / STEP) + 1;

/** The n-th benchmark BSN (n from 0), nine digits passing the elfproef. */
export function benchBsn(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= MAX_BENCH_BSNS) throw new Error(`benchmark BSN index out of range: ${n}`);
  let prefix = FIRST_PREFIX + STEP * n;
  let check = bsnCheckDigit(String(prefix));
  if (check === null) {
    prefix += 1;
    check = bsnCheckDigit(String(prefix));
  }
  if (check === null) throw new Error('benchmark BSN without a check digit');
  return `${prefix}${check}`;
}
