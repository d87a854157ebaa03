import type { TransitionRow } from '../db/queries.ts';

export const KnelpuntTransition = {
  from: (t: TransitionRow) => t.fromStatus,
  to: (t: TransitionRow) => t.toStatus,
  by: (t: TransitionRow) => ({ id: t.byOrganizationId }),
};
