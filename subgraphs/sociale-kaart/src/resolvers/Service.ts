import type { Context } from '../context.ts';
import { maySeeConfidential } from '../context.ts';
import type { ServiceRow } from '../db/queries.ts';
import { isUuid } from '@hub/domain';

const VERIFICATION_STALE_DAYS = 365;
const daysSince = (d: Date) => (Date.now() - d.getTime()) / 86_400_000;

export const Service = {
  __resolveReference: (ref: { id: string }, ctx: Context) => (isUuid(ref.id) ? ctx.loaders.service.load(ref.id.toLowerCase()) : null),
  organization: (s: ServiceRow, _: unknown, ctx: Context) => ctx.loaders.organization.load(s.organizationId),
  cost: (s: ServiceRow) => ({
    type: s.costType,
    amount: s.costAmount === null ? null : Number(s.costAmount),
    description: s.costDescription,
  }),
  contact: (s: ServiceRow) => ({ ...s.contact, walkIn: s.contact.walkIn ?? false }),
  serviceArea: async (s: ServiceRow, _: unknown, ctx: Context) => ({
    scope: s.areaScope,
    gemeenten: (await ctx.loaders.gemeente.loadMany(s.servedGemeenten)).filter((g) => g && !(g instanceof Error)),
    zorgkantoorregios: (await ctx.loaders.region.loadMany(s.servedRegions)).filter((r) => r && !(r instanceof Error)),
  }),
  locations: async (s: ServiceRow, _: unknown, ctx: Context) => {
    const all = await ctx.loaders.locationsByService.load(s.id);
    return maySeeConfidential(ctx) ? all : all.filter((l) => !l.confidential);
  },
  capacity: (s: ServiceRow, _: unknown, ctx: Context) => {
    const stale = !s.capacityUpdatedAt || daysSince(s.capacityUpdatedAt) > ctx.config.capacityStaleDays;
    return {
      status: !s.capacityStatus || stale ? 'UNKNOWN' : s.capacityStatus,
      reportedStatus: s.capacityStatus,
      available: s.capacityAvailable,
      maximum: s.capacityMaximum,
      unit: s.capacityUnit,
      expectedWaitDays: s.capacityWaitDays,
      updatedAt: s.capacityUpdatedAt,
      stale,
    };
  },
  freshness: (s: ServiceRow) => ({
    lastVerifiedAt: s.lastVerifiedAt,
    verifiedBy: s.verifiedBy,
    stale: !s.lastVerifiedAt || daysSince(s.lastVerifiedAt) > VERIFICATION_STALE_DAYS,
  }),
};
