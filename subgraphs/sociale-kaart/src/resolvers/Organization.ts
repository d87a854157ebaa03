import { isUuid } from '@hub/domain';
import { connectionFromList } from '@hub/service-kit';
import { maySeeConfidential } from '../context.ts';
import type { OrganizationResolvers } from '../generated/resolvers-types.ts';

export const Organization: OrganizationResolvers = {
  __resolveReference: (ref, ctx) => (isUuid(ref.id) ? ctx.loaders.organization.load(ref.id.toLowerCase()) : null),
  phones: (o) => o.phones.map((p) => ({ number: p.number, description: p.description ?? null })),
  parent: (o, _, ctx) => (o.parentId ? ctx.loaders.organization.load(o.parentId) : null),
  gemeente: (o, _, ctx) => (o.gemeenteCode ? ctx.loaders.gemeente.load(o.gemeenteCode) : null),
  zorgkantoorregio: (o, _, ctx) => (o.zorgkantoorregioCode ? ctx.loaders.region.load(o.zorgkantoorregioCode) : null),
  // The loader fetches every organisation's list in one statement; the page is cut from it, so a page per
  // organisation costs no statement of its own.
  services: async (o, args, ctx) => {
    const all = await (args.includeInactive ? ctx.loaders.allServicesByOrganization : ctx.loaders.activeServicesByOrganization).load(o.id);
    return connectionFromList(all, args, (s) => s.name);
  },
  locations: async (o, args, ctx) => {
    const all = await ctx.loaders.locationsByOrganization.load(o.id);
    return connectionFromList(maySeeConfidential(ctx) ? all : all.filter((l) => !l.confidential), args, (l) => l.name);
  },
};
