import { maySeeConfidential } from '../context.ts';
import { findZorgprofiel, isUuid, type Zorgprofiel } from '@hub/domain';
import { connectionFromList, mustExist } from '@hub/service-kit';
import type { GemeenteRow, RegionRow } from '../db/queries.ts';
import type { ServiceResolvers } from '../generated/resolvers-types.ts';

const VERIFICATION_STALE_DAYS = 365;
const daysSince = (d: Date) => (Date.now() - d.getTime()) / 86_400_000;

export const Service: ServiceResolvers = {
  __resolveReference: (ref, ctx) => (isUuid(ref.id) ? ctx.loaders.service.load(ref.id.toLowerCase()) : null),
  organization: (s, _, ctx) => mustExist(ctx.loaders.organization.load(s.organizationId), 'organization of a service'),
  zorgprofielen: (s) => s.zorgprofielen.map(findZorgprofiel).filter((z): z is Zorgprofiel => z !== undefined),
  cost: (s) => ({
    type: s.costType,
    amount: s.costAmount === null ? null : Number(s.costAmount),
    description: s.costDescription,
  }),
  contact: (s) => ({ ...s.contact, walkIn: s.contact.walkIn ?? false }),
  serviceArea: async (s, _, ctx) => ({
    scope: s.areaScope,
    gemeenten: (await ctx.loaders.gemeente.loadMany(s.servedGemeenten)).filter((g): g is GemeenteRow => g !== null && !(g instanceof Error)),
    zorgkantoorregios: (await ctx.loaders.region.loadMany(s.servedRegions)).filter((r): r is RegionRow => r !== null && !(r instanceof Error)),
  }),
  // Confidential locations are left out before the page is cut, so an anonymous caller's totalCount and cursors
  // never count or name one.
  locations: async (s, args, ctx) => {
    const all = await ctx.loaders.locationsByService.load(s.id);
    return connectionFromList(maySeeConfidential(ctx) ? all : all.filter((l) => !l.confidential), args, (l) => l.name);
  },
  capacity: (s, _, ctx) => {
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
  freshness: (s) => ({
    lastVerifiedAt: s.lastVerifiedAt,
    verifiedBy: s.verifiedBy,
    stale: !s.lastVerifiedAt || daysSince(s.lastVerifiedAt) > VERIFICATION_STALE_DAYS,
  }),
};
