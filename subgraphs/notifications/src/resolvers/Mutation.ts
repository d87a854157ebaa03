import { isUuid } from '@hub/domain';
import { badInput, notFound } from '@hub/errors';
import { requireBeheerder, requireRecipient } from '../access.ts';
import { countNotifications, markRead, saveDefault, savePreference, setCoordinator } from '../db/queries.ts';
import type { MutationResolvers } from '../generated/resolvers-types.ts';
import { lightLinkMutations } from './light-links.ts';
import { organizationDefaults, requireOnePerKind, settingsOf } from '../settings.ts';

const MAX_IDS = 100;

export const Mutation: MutationResolvers = {
  ...lightLinkMutations,
  /** Ids that are not the caller's (or do not exist) are not counted: the answer never tells whose they are. */
  async markNotificationsRead(_parent, { input }, ctx) {
    const { me } = await requireRecipient(ctx);
    const ids = input.ids ?? null;
    if ((ids === null) === (input.all !== true)) throw badInput('input', 'Give either ids or all: true.');
    if (ids && ids.length > MAX_IDS) throw badInput('input.ids', `At most ${MAX_IDS} ids at a time.`);
    ids?.forEach((id, i) => {
      if (!isUuid(id)) throw badInput(`input.ids.${i}`, 'Not a notification id.');
    });
    const marked = await markRead(ctx.db, me.id, ids ? ids.map((id) => id.toLowerCase()) : 'ALL', new Date());
    return { marked, unreadCount: (await countNotifications(ctx.db, me.id)).unread };
  },

  async updateMyNotificationPreferences(_parent, { input }, ctx) {
    const { me } = await requireRecipient(ctx);
    requireOnePerKind(input.preferences, 'input.preferences');
    const now = new Date();
    await ctx.db.transaction(async (tx) => {
      for (const p of input.preferences) await savePreference(tx, me.id, p.kind, p.email ?? null, now);
    });
    return { settings: await settingsOf(ctx.db, me) };
  },

  async updateOrganizationNotificationDefaults(_parent, { input }, ctx) {
    const { me } = await requireBeheerder(ctx);
    requireOnePerKind(input.defaults, 'input.defaults');
    const now = new Date();
    await ctx.db.transaction(async (tx) => {
      for (const d of input.defaults) await saveDefault(tx, me.organizationId, d.kind, d.email ?? null, now);
    });
    return { settings: { organizationId: me.organizationId, defaults: await organizationDefaults(ctx.db, me.organizationId) } };
  },

  /** A recipient of another organisation is NOT_FOUND, like one that does not exist. */
  async setNotificationCoordinator(_parent, { input }, ctx) {
    const { me } = await requireBeheerder(ctx);
    if (!isUuid(input.recipientId)) throw notFound('Recipient');
    const recipient = await setCoordinator(ctx.db, me.organizationId, input.recipientId.toLowerCase(), input.coordinator);
    if (!recipient) throw notFound('Recipient');
    return { recipient };
  },
};
