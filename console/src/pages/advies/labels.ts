import { PERSONAL_DATA_LABELS } from '../overlegtafel/labels.ts';

/** Where a consultation stands, in everyday words. */
export const CONSULTATION_STATUS_LABELS: Record<string, string> = {
  OPEN: 'Wacht op antwoord',
  ANSWERED: 'Beantwoord',
  CLOSED: 'Afgesloten',
  WITHDRAWN: 'Ingetrokken',
};

/** The kinds of organisation that give cliëntondersteuning and can be asked for advice. */
export const CONSULTABLE_TYPE_LABELS: Record<'OCO' | 'GEMEENTE' | 'ZORGKANTOOR', string> = {
  OCO: 'Onafhankelijke cliëntondersteuning (OCO)',
  GEMEENTE: 'Gemeente',
  ZORGKANTOOR: 'Zorgkantoor',
};
export type ConsultableType = keyof typeof CONSULTABLE_TYPE_LABELS;

/** The privacy guard's refusal of a question or an answer, in Dutch, with the kind of data it found. */
export function personalDataText(kind: unknown): string {
  const found = typeof kind === 'string' ? PERSONAL_DATA_LABELS[kind] : undefined;
  return `${found ? `In deze tekst staat ${found}.` : 'In deze tekst staan persoonsgegevens.'} Beschrijf de situatie zonder iets waarmee iemand te herkennen is. Er is niets verstuurd.`;
}

export const MIN_QUESTION_LENGTH = 20;
export const MIN_QUESTION_WORDS = 3;
export const MAX_TEXT_LENGTH = 4000;
