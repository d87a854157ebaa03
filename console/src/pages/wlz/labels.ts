/** Dutch names for the codes of the worklist "nieuwe indicaties". */

export const WORKLIST_STATUS_LABELS: Record<string, string> = { OPEN: 'Nog te doen', DONE: 'Klaar' };

export const CHOICE_LABELS: Record<string, string> = {
  ZORGKANTOOR: 'Cliëntondersteuning door het zorgkantoor',
  OCO: 'Onafhankelijke cliëntondersteuning',
  NONE_FOR_NOW: 'Nu geen cliëntondersteuning',
};

/** Leveringsvorm (iWlz COD578): how the client would like to get the care. */
export const LEVERINGSVORM_LABELS: Record<string, string> = {
  PGB: 'Persoonsgebonden budget (pgb, code 2)',
  VERBLIJF: 'Wonen in een instelling (verblijf, code 4)',
  VPT: 'Volledig pakket thuis (vpt, code 5)',
  MPT: 'Modulair pakket thuis (mpt, code 7)',
  DEELTIJDVERBLIJF: 'Deeltijdverblijf (code 8)',
  VERKEERDE_BED: 'Verkeerde bed (code 9)',
};
