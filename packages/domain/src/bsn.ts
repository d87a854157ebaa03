/**
 * BSN elfproef: S = 9·d1 + 8·d2 + … + 2·d8 − 1·d9; valid iff S mod 11 = 0 and S > 0.
 * An 8-digit number is padded with a leading 0.
 */
export function normalizeBsn(input: string): string | null {
  const digits = input.trim();
  if (!/^\d{8,9}$/.test(digits)) return null;
  return digits.padStart(9, '0');
}

/**
 * The ninth digit that makes eight digits a BSN passing the elfproef, or null when there is none: d9 must equal
 * (9·d1 + … + 2·d8) mod 11, so a remainder of 10 has no check digit, and a sum below 11 would make S = 0.
 */
export function bsnCheckDigit(first8: string): number | null {
  if (!/^\d{8}$/.test(first8)) throw new Error('bsnCheckDigit takes exactly eight digits');
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * Number(first8[i]);
  const check = sum % 11;
  return check === 10 || sum < 11 ? null : check;
}

export function isValidBsn(input: string): boolean {
  const bsn = normalizeBsn(input);
  return bsn !== null && bsnCheckDigit(bsn.slice(0, 8)) === Number(bsn[8]);
}

/**
 * Any number of 8 or 9 digits (spaces, dots or dashes between them allowed) that passes the elfproef; a longer number
 * (a telephone number) is not cut into a BSN.
 */
export function containsBsn(text: string): boolean {
  for (const match of text.matchAll(/(?<![\d.-])\d(?:[ .-]?\d){7,8}(?![\d])/g)) {
    const digits = match[0].replace(/\D/g, '');
    if (isValidBsn(digits.padStart(9, '0'))) return true;
  }
  return false;
}
