import { today } from '../validation.ts';
import type { ActionResolvers } from '../generated/resolvers-types.ts';

export const Action: ActionResolvers = {
  owner: (a) => ({ id: a.ownerOrganizationId }),
  overdue: (a) => a.status === 'OPEN' && a.dueOn < today(),
};
