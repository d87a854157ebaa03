import { randomUUID } from 'node:crypto';
import { badInput, conflict, forbidden, notFound } from '@hub/errors';
import { LEVERINGSVORM_VALUES } from '@hub/domain';
import type { Principal } from '@hub/identity';
import { requireRole, requireVersion } from '@hub/service-kit';
import type { Context } from '../context.ts';
import { findLocationsByIds, gemeenteCodesExist, type LocationRow, type NewService, type ServiceRow } from '../db/queries.ts';
import { gemeenteCodesInRegions, insertLocation, insertService, updateLocationIfVersion, updateServiceIfVersion } from '../db/writes.ts';
import { buildSearchText } from '../text.ts';
import {
  capacityInputSchema,
  locationInputSchema,
  parseInput,
  requireUuid,
  serviceInputSchema,
  type ValidLocationInput,
  type ValidServiceInput,
} from '../validation.ts';
import type { MutationResolvers } from '../generated/resolvers-types.ts';

type Input = Record<string, unknown>;

/** Directory edits are for an organisation's own BEHEERDER only. */
const requireBeheerder = (ctx: Context): Principal => requireRole(ctx, ['BEHEERDER'], 'Only a BEHEERDER of the organisation may edit its directory entries.');

async function ownService(ctx: Context, id: string, principal: Principal): Promise<ServiceRow> {
  const s = await ctx.loaders.service.load(requireUuid(id, 'input.id'));
  if (!s) throw notFound('Service');
  if (s.organizationId !== principal.organizationId) throw forbidden('This service belongs to another organisation.');
  return s;
}

async function ownLocation(ctx: Context, id: string, principal: Principal): Promise<LocationRow> {
  const l = await ctx.loaders.location.load(requireUuid(id, 'input.id'));
  if (!l) throw notFound('Location');
  if (l.organizationId !== principal.organizationId) throw forbidden('This location belongs to another organisation.');
  return l;
}

/** Each value once, in the order of its code list. */
const inCodeOrder = <T extends string>(values: readonly string[], order: readonly T[]): T[] => order.filter((v) => values.includes(v));

/** Drops keys the caller left out, so an update keeps the stored value for them. */
const given = (input: Input) => Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));

function serviceAsInput(s: ServiceRow, locationIds: string[]): Input {
  return {
    name: s.name,
    description: s.description,
    legalDomains: s.legalDomains,
    lifeDomains: s.lifeDomains,
    targetGroups: s.targetGroups,
    supportForms: s.supportForms,
    wlzSectors: s.wlzSectors,
    leveringsvormen: s.leveringsvormen,
    zorgprofielen: s.zorgprofielen,
    formality: s.formality,
    independent: s.independent,
    eligibility: s.eligibility,
    minimumAge: s.minimumAge,
    maximumAge: s.maximumAge,
    cost: { type: s.costType, amount: s.costAmount === null ? null : Number(s.costAmount), description: s.costDescription },
    languages: s.languages,
    applicationProcess: s.applicationProcess,
    contact: s.contact,
    openingHours: s.openingHours,
    serviceArea: {
      scope: s.areaScope,
      gemeenteCodes: s.areaScope === 'GEMEENTEN' ? s.servedGemeenten : null,
      zorgkantoorregioCodes: s.areaScope === 'REGIONAL' ? s.servedRegions : null,
    },
    locationIds,
  };
}

const SERVICE_DEFAULTS: Input = {
  description: '',
  legalDomains: [],
  lifeDomains: [],
  targetGroups: [],
  supportForms: [],
  wlzSectors: [],
  leveringsvormen: [],
  zorgprofielen: [],
  formality: 'FORMAL',
  independent: false,
  eligibility: null,
  minimumAge: null,
  maximumAge: null,
  cost: { type: 'FREE' },
  languages: ['nl'],
  applicationProcess: null,
  contact: {},
  openingHours: [],
  locationIds: [],
};

/** Checks references against the database and derives the stored columns of a service. */
async function serviceColumns(ctx: Context, v: ValidServiceInput, organizationId: string, root: string): Promise<Omit<NewService, 'id' | 'organizationId'>> {
  let servedGemeenten: string[] = [];
  let servedRegions: string[] = [];
  if (v.serviceArea.scope === 'GEMEENTEN') {
    const codes = [...new Set(v.serviceArea.gemeenteCodes ?? [])];
    const found = await gemeenteCodesExist(ctx.db, codes);
    const missing = codes.filter((c) => !found.some((f) => f.code === c));
    if (missing.length) throw badInput(`${root}.serviceArea.gemeenteCodes`, `Unknown gemeente ${missing[0]}.`);
    servedGemeenten = codes;
    const gemeenten = await ctx.loaders.gemeente.loadMany(codes);
    servedRegions = [...new Set(gemeenten.flatMap((g) => (g && !(g instanceof Error) ? [g.zorgkantoorregioCode] : [])))];
  } else if (v.serviceArea.scope === 'REGIONAL') {
    const codes = [...new Set(v.serviceArea.zorgkantoorregioCodes ?? [])];
    const members = await gemeenteCodesInRegions(ctx.db, codes);
    const missing = codes.filter((c) => !members.some((m) => m.region === c));
    if (missing.length) throw badInput(`${root}.serviceArea.zorgkantoorregioCodes`, `Unknown zorgkantoorregio ${missing[0]}.`);
    servedGemeenten = members.map((m) => m.code);
    servedRegions = codes;
  }
  if (v.locationIds.length) {
    const locations = await findLocationsByIds(ctx.db, v.locationIds);
    const foreign = v.locationIds.find((id) => !locations.some((l) => l.id === id && l.organizationId === organizationId));
    if (foreign) throw badInput(`${root}.locationIds`, 'Every location must exist and belong to your organisation.');
  }
  const org = await ctx.loaders.organization.load(organizationId);
  return {
    name: v.name,
    description: v.description,
    legalDomains: v.legalDomains,
    lifeDomains: v.lifeDomains,
    targetGroups: v.targetGroups,
    supportForms: v.supportForms,
    wlzSectors: v.wlzSectors,
    leveringsvormen: inCodeOrder(v.leveringsvormen, LEVERINGSVORM_VALUES),
    zorgprofielen: [...new Set(v.zorgprofielen)].sort(),
    formality: v.formality,
    independent: v.independent,
    eligibility: v.eligibility,
    minimumAge: v.minimumAge,
    maximumAge: v.maximumAge,
    costType: v.cost.type,
    costAmount: v.cost.amount == null ? null : v.cost.amount.toFixed(2),
    costDescription: v.cost.description ?? null,
    languages: [...new Set(v.languages)],
    applicationProcess: v.applicationProcess,
    contact: {
      phone: v.contact.phone ?? undefined,
      email: v.contact.email ?? undefined,
      url: v.contact.url ?? undefined,
      walkIn: v.contact.walkIn ?? undefined,
    },
    openingHours: v.openingHours,
    areaScope: v.serviceArea.scope,
    servedGemeenten,
    servedRegions,
    searchText: buildSearchText({ ...v, organizationName: org?.name ?? '' }),
  };
}

function locationColumns(v: ValidLocationInput) {
  return { ...v, postalCode: v.postalCode ? `${v.postalCode.slice(0, 4)} ${v.postalCode.slice(-2)}` : null };
}

async function checkGemeente(ctx: Context, code: string | null, root: string) {
  if (code && !(await ctx.loaders.gemeente.load(code))) throw badInput(`${root}.gemeenteCode`, `Unknown gemeente ${code}.`);
}

export const Mutation: MutationResolvers = {
  async createService(_, args, ctx) {
    const principal = requireBeheerder(ctx);
    if (!(await ctx.loaders.organization.load(principal.organizationId))) {
      throw forbidden('Your organisation is not (yet) in the sociale kaart.');
    }
    const v = parseInput(serviceInputSchema, { ...SERVICE_DEFAULTS, ...given(args.input) }, 'input');
    const columns = await serviceColumns(ctx, v, principal.organizationId, 'input');
    const created = await insertService(
      ctx.db,
      { id: randomUUID(), organizationId: principal.organizationId, ...columns, lastVerifiedAt: new Date(), verifiedBy: principal.subject },
      v.locationIds,
    );
    return { service: created };
  },

  async updateService(_, args, ctx) {
    const principal = requireBeheerder(ctx);
    const { id, expectedVersion: version, service } = args.input;
    const existing = await ownService(ctx, id, principal);
    const expectedVersion = requireVersion(version);
    const currentLocations = (await ctx.loaders.locationsByService.load(existing.id)).map((l) => l.id);
    const v = parseInput(serviceInputSchema, { ...serviceAsInput(existing, currentLocations), ...given(service) }, 'input.service');
    const columns = await serviceColumns(ctx, v, principal.organizationId, 'input.service');
    const updated = await updateServiceIfVersion(ctx.db, existing.id, expectedVersion, columns, service.locationIds === undefined ? undefined : v.locationIds);
    if (!updated) throw conflict('Service');
    return { service: updated };
  },

  async deactivateService(_, args, ctx) {
    const principal = requireBeheerder(ctx);
    const existing = await ownService(ctx, args.input.id, principal);
    const status = args.input.status ?? 'INACTIVE';
    if (status === 'ACTIVE')
      throw badInput('input.status', 'Use updateService to change an active service; deactivate takes INACTIVE, DEFUNCT or TEMPORARILY_CLOSED.');
    const updated = await updateServiceIfVersion(ctx.db, existing.id, requireVersion(args.input.expectedVersion), { status });
    if (!updated) throw conflict('Service');
    return { service: updated };
  },

  async updateCapacity(_, args, ctx) {
    const principal = requireBeheerder(ctx);
    const existing = await ownService(ctx, args.input.serviceId, principal);
    const c = parseInput(capacityInputSchema, args.input.capacity, 'input.capacity');
    const updated = await updateServiceIfVersion(ctx.db, existing.id, requireVersion(args.input.expectedVersion), {
      capacityStatus: c.status,
      capacityAvailable: c.available ?? null,
      capacityMaximum: c.maximum ?? null,
      capacityUnit: c.unit ?? null,
      capacityWaitDays: c.expectedWaitDays ?? null,
      capacityUpdatedAt: new Date(),
      capacityReportedBy: principal.subject,
    });
    if (!updated) throw conflict('Service');
    return { service: updated };
  },

  async markServiceVerified(_, args, ctx) {
    const principal = requireBeheerder(ctx);
    const existing = await ownService(ctx, args.input.id, principal);
    const updated = await updateServiceIfVersion(ctx.db, existing.id, requireVersion(args.input.expectedVersion), {
      lastVerifiedAt: new Date(),
      verifiedBy: principal.subject,
    });
    if (!updated) throw conflict('Service');
    return { service: updated };
  },

  async createLocation(_, args, ctx) {
    const principal = requireBeheerder(ctx);
    if (!(await ctx.loaders.organization.load(principal.organizationId))) {
      throw forbidden('Your organisation is not (yet) in the sociale kaart.');
    }
    const defaults = {
      description: null,
      address: null,
      postalCode: null,
      city: null,
      gemeenteCode: null,
      latitude: null,
      longitude: null,
      accessibility: null,
      confidential: false,
    };
    const v = parseInput(locationInputSchema, { ...defaults, ...given(args.input) }, 'input');
    await checkGemeente(ctx, v.gemeenteCode, 'input');
    const created = await insertLocation(ctx.db, { id: randomUUID(), organizationId: principal.organizationId, ...locationColumns(v) });
    return { location: created };
  },

  async updateLocation(_, args, ctx) {
    const principal = requireBeheerder(ctx);
    const existing = await ownLocation(ctx, args.input.id, principal);
    const expectedVersion = requireVersion(args.input.expectedVersion);
    const { id: _id, organizationId: _org, version: _v, createdAt: _c, updatedAt: _u, active: _a, ...current } = existing;
    const v = parseInput(locationInputSchema, { ...current, ...given(args.input.location) }, 'input.location');
    await checkGemeente(ctx, v.gemeenteCode, 'input.location');
    const updated = await updateLocationIfVersion(ctx.db, existing.id, expectedVersion, locationColumns(v));
    if (!updated) throw conflict('Location');
    return { location: updated };
  },

  async deactivateLocation(_, args, ctx) {
    const principal = requireBeheerder(ctx);
    const existing = await ownLocation(ctx, args.input.id, principal);
    const updated = await updateLocationIfVersion(ctx.db, existing.id, requireVersion(args.input.expectedVersion), { active: false });
    if (!updated) throw conflict('Location');
    return { location: updated };
  },
};
