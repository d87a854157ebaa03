/**
 * The knelpunt life cycle as a table: the only allowed moves. Anything else is INVALID_TRANSITION.
 * ACTION → ON_AGENDA exists because an action can fail and the table has to discuss the knelpunt again;
 * ON_AGENDA → NOT_RESOLVABLE because a table may conclude at once that the gap is outside its reach.
 */
const KNELPUNT_STATUSES = ['NEW', 'ON_AGENDA', 'ACTION', 'RESOLVED', 'NOT_RESOLVABLE'] as const;
export type KnelpuntStatus = (typeof KNELPUNT_STATUSES)[number];

const KNELPUNT_TRANSITIONS: Record<KnelpuntStatus, readonly KnelpuntStatus[]> = {
  NEW: ['ON_AGENDA'],
  ON_AGENDA: ['ACTION', 'NOT_RESOLVABLE'],
  ACTION: ['RESOLVED', 'NOT_RESOLVABLE', 'ON_AGENDA'],
  RESOLVED: [],
  NOT_RESOLVABLE: [],
};

export const isFinal = (s: string) => s === 'RESOLVED' || s === 'NOT_RESOLVABLE';

export function mayTransition(from: KnelpuntStatus, to: KnelpuntStatus): boolean {
  return (KNELPUNT_TRANSITIONS[from] ?? []).includes(to);
}

/** Open knelpunten: not in a final state. */
export const OPEN_STATUSES: readonly KnelpuntStatus[] = ['NEW', 'ON_AGENDA', 'ACTION'];
