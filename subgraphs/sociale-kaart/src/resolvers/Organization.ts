import { isUuid } from '@hub/domain';
import type { Context } from '../context.ts';
import { maySeeConfidential } from '../context.ts';
import type { OrganizationRow } from '../db/queries.ts';

export const Organization = {
  __resolveReference: (ref: { id: string }, ctx: Context) => (isUuid(ref.id) ? ctx.loaders.organization.load(ref.id.toLowerCase()) : null),
  phones: (o: OrganizationRow) => o.phones.map((p) => ({ number: p.number, description: p.description ?? null })),
  parent: (o: OrganizationRow, _: unknown, ctx: Context) => (o.parentId ? ctx.loaders.organization.load(o.parentId) : null),
  gemeente: (o: OrganizationRow, _: unknown, ctx: Context) => (o.gemeenteCode ? ctx.loaders.gemeente.load(o.gemeenteCode) : null),
  zorgkantoorregio: (o: OrganizationRow, _: unknown, ctx: Context) =>
    o.zorgkantoorregioCode ? ctx.loaders.region.load(o.zorgkantoorregioCode) : null,
  services: (o: OrganizationRow, args: { includeInactive?: boolean | null }, ctx: Context) =>
    (args.includeInactive ? ctx.loaders.allServicesByOrganization : ctx.loaders.activeServicesByOrganization).load(o.id),
  locations: async (o: OrganizationRow, _: unknown, ctx: Context) => {
    const all = await ctx.loaders.locationsByOrganization.load(o.id);
    return maySeeConfidential(ctx) ? all : all.filter((l) => !l.confidential);
  },
};
