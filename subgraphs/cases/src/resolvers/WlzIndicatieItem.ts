import { amsterdamDate } from '@hub/domain';
import { clientView, consentView, trajectoryView } from '../consent/access.ts';
import type { WlzChoiceResolvers, WlzIndicatieItemResolvers, WlzNotificationResolvers } from '../generated/resolvers-types.ts';
import { sectorOfZorgprofiel } from '../iwlz/notifications.ts';
import { choiceConsent, isOverdue } from '../iwlz/worklist.ts';

/**
 * A worklist item is the zorgkantoor's own: the service checked the caller's organisation before it handed the row on.
 * The client and its trajectory go through the request's loaders (one batch for a whole page) and, for the client's
 * personal data, through the consent gate as everywhere.
 */
export const WlzIndicatieItem: WlzIndicatieItemResolvers = {
  sector: (row) => sectorOfZorgprofiel(row.zorgprofiel),
  client: async (row, _, ctx) => {
    const client = await ctx.loaders.client.load(row.clientId);
    if (!client) throw new Error('worklist item without its client');
    return clientView(client, 'INTEGRATED_SUPPORT');
  },
  trajectory: async (row, _, ctx) => {
    const trajectory = await ctx.loaders.trajectory.load(row.trajectoryId);
    if (!trajectory) throw new Error('worklist item without its trajectory');
    return trajectoryView(trajectory, 'INTEGRATED_SUPPORT');
  },
  overdue: (row, _, ctx) => isOverdue(row, amsterdamDate(ctx.now)),
  choice: (row) => (row.choice ? row : null),
  handover: (row) => (row.handoverReferralId ? { id: row.handoverReferralId } : null),
};

export const WlzChoice: WlzChoiceResolvers = {
  choice: (row) => row.choice ?? 'NONE_FOR_NOW',
  offeredAt: (row) => row.choiceOfferedAt ?? row.updatedAt,
  recordedBy: (row) => row.choiceRecordedByUserId ?? '',
  recordedByName: (row) => row.choiceRecordedByName,
  ocoOrganization: (row) => (row.choiceOcoOrganizationId ? { id: row.choiceOcoOrganizationId } : null),
  consent: async (row, _, ctx) => {
    const consent = await choiceConsent(ctx, row);
    return consent ? consentView(consent, 'INTEGRATED_SUPPORT') : null;
  },
};

export const WlzNotification: WlzNotificationResolvers = {
  errorCode: (row) => row.lastError,
  nextAttemptAt: (row) => (row.status === 'PENDING' ? row.nextAttemptAt : null),
  item: async (row, _, ctx) => (row.itemId ? ctx.loaders.wlzItem.load(row.itemId) : null),
};
