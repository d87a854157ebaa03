/**
 * BSN elfproef: S = 9·d1 + 8·d2 + … + 2·d8 − 1·d9; valid iff S mod 11 = 0 and S > 0.
 * An 8-digit number is padded with a leading 0.
 */
export function normalizeBsn(input: string): string | null {
  const digits = input.trim();
  if (!/^\d{8,9}$/.test(digits)) return null;
  return digits.padStart(9, '0');
}

export function isValidBsn(input: string): boolean {
  const bsn = normalizeBsn(input);
  if (!bsn) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * Number(bsn[i]);
  sum -= Number(bsn[8]);
  return sum > 0 && sum % 11 === 0;
}
