/**
 * The consultation life cycle: the addressee answers an open question; the asker closes it once answered, or
 * withdraws it while it is still open. Anything else is INVALID_TRANSITION.
 */
export const CONSULTATION_STATUSES = ['OPEN', 'ANSWERED', 'CLOSED', 'WITHDRAWN'] as const;
export type ConsultationStatus = (typeof CONSULTATION_STATUSES)[number];

/** Each move of the life cycle, from the one state it is allowed in to the state it leads to. */
export const CONSULTATION_MOVES = {
  answer: { from: 'OPEN', to: 'ANSWERED' },
  close: { from: 'ANSWERED', to: 'CLOSED' },
  withdraw: { from: 'OPEN', to: 'WITHDRAWN' },
} as const satisfies Record<string, { from: ConsultationStatus; to: ConsultationStatus }>;
export type ConsultationMove = keyof typeof CONSULTATION_MOVES;

/** Organisation types that give cliëntondersteuning and so can be asked for advice. */
export const CONSULTABLE_ORGANIZATION_TYPES = ['OCO', 'GEMEENTE', 'ZORGKANTOOR'] as const;
