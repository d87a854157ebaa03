import type { ActionRow } from '../db/queries.ts';
import { today } from '../validation.ts';

export const Action = {
  owner: (a: ActionRow) => ({ id: a.ownerOrganizationId }),
  overdue: (a: ActionRow) => a.status === 'OPEN' && a.dueOn < today(),
};
