import { forbidden } from '@hub/errors';
import { hasRole, type Principal } from '@hub/identity';
import { requireUser } from '@hub/service-kit';
import type { Context } from './context.ts';
import type { KnelpuntRow, SignalRow } from './db/queries.ts';

/**
 * Who may see and do what, next to the data (docs/signals.md has the table):
 * - overlegtafel member of a region: role OVERLEGTAFEL, and the organisation is on that region's overlegtafel or is
 *   the region's zorgkantoor (which always takes part). Sees the region's signals, aggregates, knelpunten; acts on them.
 * - the region's zorgkantoor (organisation type ZORGKANTOOR with that zorgkantoorregio claim): aggregates and knelpunten.
 * - a gemeente (organisation type GEMEENTE with a gemeenteCode claim): aggregates of its own gemeente only.
 * - the reporting organisation: its own signals and the knelpunten they are grouped into.
 */

export const isRegionZorgkantoor = (p: Principal, region: string) => p.organizationType === 'ZORGKANTOOR' && p.zorgkantoorregio === region;

export async function isTableMember(ctx: Context, region: string): Promise<boolean> {
  if (!hasRole(ctx.caller, 'OVERLEGTAFEL')) return false;
  return isRegionZorgkantoor(ctx.caller, region) || (await ctx.memberRegions()).has(region);
}

export async function mayReadRegionAggregates(ctx: Context, region: string): Promise<boolean> {
  const p = requireUser(ctx);
  return isRegionZorgkantoor(p, region) || (await isTableMember(ctx, region));
}

export async function mayReadGemeenteAggregates(ctx: Context, gemeente: string, region: string | null): Promise<boolean> {
  const p = requireUser(ctx);
  if (p.organizationType === 'GEMEENTE' && p.gemeenteCode === gemeente) return true;
  return region !== null && (await isTableMember(ctx, region));
}

export async function requireTableMember(ctx: Context, region: string): Promise<Principal> {
  const p = requireUser(ctx);
  if (!(await isTableMember(ctx, region))) throw forbidden(`Only overlegtafel members of ${region} may do this.`);
  return p;
}

export async function maySeeSignal(ctx: Context, s: SignalRow): Promise<boolean> {
  if (ctx.caller.kind !== 'user') return false;
  if (s.reporterOrganizationId !== null && s.reporterOrganizationId === ctx.caller.organizationId) return true;
  return s.zorgkantoorregioCode !== null && (await isTableMember(ctx, s.zorgkantoorregioCode));
}

export async function regionOfKnelpunt(ctx: Context, k: KnelpuntRow): Promise<string> {
  const table = await ctx.loaders.overlegtafel.load(k.overlegtafelId);
  if (!table) throw new Error('knelpunt without overlegtafel');
  return table.zorgkantoorregioCode;
}

/** Members and the zorgkantoor read every knelpunt of the region; a reporter reads the ones holding its signals. */
export async function maySeeKnelpunt(ctx: Context, k: KnelpuntRow): Promise<boolean> {
  if (ctx.caller.kind !== 'user') return false;
  const region = await regionOfKnelpunt(ctx, k);
  if (await mayReadRegionAggregates(ctx, region)) return true;
  const org = ctx.caller.organizationId;
  return (await ctx.loaders.signalsOfKnelpunt.load(k.id)).some((s) => s.reporterOrganizationId === org);
}
