import { GEMEENTE_CODE_PATTERN, ZORGKANTOORREGIO_CODE_PATTERN } from '@hub/domain';
import { badInput, forbidden } from '@hub/errors';
import { readGemeenten, readZorgkantoorregios } from '@hub/reference-data';
import { makeReportPeriod, requireEndedReportPeriod, type ReportPeriod } from './report-period.ts';
import { requireUser, type CallerScope } from './guards.ts';

/**
 * The area and period of the combined view of demand and supply (SupportOverview; docs/support-overview.md), and who
 * may read it. Every subgraph that contributes to the view checks access itself with `requireSupportOverviewAccess`,
 * also when the gateway (or anyone calling `_entities` directly) hands it an id.
 *
 * Readers: a GEMEENTE organisation's BELEIDSMEDEWERKER for its own gemeente and the zorgkantoorregio it lies in; a
 * ZORGKANTOOR organisation's BELEIDSMEDEWERKER or OVERLEGTAFEL for its region and every gemeente in it. Nobody else.
 */

export type OverviewArea = { kind: 'GEMEENTE'; code: string; regionCode: string } | { kind: 'REGION'; code: string };

export interface OverviewScope {
  area: OverviewArea;
  period: ReportPeriod;
  /** The gemeenten the area covers: the gemeente itself, or every gemeente of the region (sorted by code). */
  gemeenten: readonly string[];
  /** The opaque id, e.g. "GM0153:2025-H2" or "ZK22:2025-Q3". */
  id: string;
}

const OVERVIEW_KINDS = new Set(['QUARTER', 'HALF_YEAR', 'YEAR']);

const regionOf = (gemeenteCode: string) => readGemeenten().find((g) => g.code === gemeenteCode)?.zorgkantoorregioCode;
const gemeentenOf = (regionCode: string) =>
  readGemeenten()
    .filter((g) => g.zorgkantoorregioCode === regionCode)
    .map((g) => g.code);

function areaOf(gemeenteCode: string | null | undefined, regionCode: string | null | undefined, field: string): OverviewArea {
  if ((gemeenteCode == null) === (regionCode == null)) {
    throw badInput(`${field}.gemeenteCode`, 'Give exactly one of gemeenteCode and zorgkantoorregioCode.');
  }
  if (gemeenteCode != null) {
    const region = GEMEENTE_CODE_PATTERN.test(gemeenteCode) ? regionOf(gemeenteCode) : undefined;
    if (!region) throw badInput(`${field}.gemeenteCode`, 'Unknown gemeente code (GM + 4 digits, CBS 2025).');
    return { kind: 'GEMEENTE', code: gemeenteCode, regionCode: region };
  }
  const code = regionCode ?? '';
  if (!ZORGKANTOORREGIO_CODE_PATTERN.test(code) || !readZorgkantoorregios().some((r) => r.code === code)) {
    throw badInput(`${field}.zorgkantoorregioCode`, 'Unknown zorgkantoorregio code (ZK + 2 digits, CBS 2025).');
  }
  return { kind: 'REGION', code };
}

function scopeOf(area: OverviewArea, period: ReportPeriod): OverviewScope {
  return { area, period, gemeenten: area.kind === 'GEMEENTE' ? [area.code] : gemeentenOf(area.code), id: `${area.code}:${period.key}` };
}

/** May the caller read the view of this area? FORBIDDEN otherwise (the same message whatever the reason). */
export function requireSupportOverviewAccess(scope: CallerScope, area: OverviewArea): void {
  const p = requireUser(scope);
  const message = 'Only beleidsmedewerkers of the gemeente, or of the zorgkantoor of the region, may read this overview.';
  const regionOfArea = area.kind === 'GEMEENTE' ? area.regionCode : area.code;
  if (p.organizationType === 'GEMEENTE' && p.roles.includes('BELEIDSMEDEWERKER') && p.gemeenteCode) {
    if (area.kind === 'GEMEENTE' && area.code === p.gemeenteCode) return;
    if (area.kind === 'REGION' && area.code === regionOf(p.gemeenteCode)) return;
  }
  if (p.organizationType === 'ZORGKANTOOR' && (p.roles.includes('BELEIDSMEDEWERKER') || p.roles.includes('OVERLEGTAFEL')) && p.zorgkantoorregio) {
    if (regionOfArea === p.zorgkantoorregio) return;
  }
  throw forbidden(message);
}

/**
 * The scope of `Query.supportOverview`'s input: exactly one area, and an ended QUARTER, HALF_YEAR or YEAR
 * (BAD_USER_INPUT on the field otherwise). Access is checked after the input is valid.
 */
export function supportOverviewScope(
  scope: CallerScope,
  input: { gemeenteCode?: string | null; zorgkantoorregioCode?: string | null; period: unknown },
  now: Date,
): OverviewScope {
  requireUser(scope);
  const area = areaOf(input.gemeenteCode, input.zorgkantoorregioCode, 'input');
  const period = requireEndedReportPeriod(input.period, now);
  if (!OVERVIEW_KINDS.has(period.kind)) throw badInput('input.period.kind', 'The overview covers a QUARTER, HALF_YEAR or YEAR.');
  requireSupportOverviewAccess(scope, area);
  return scopeOf(area, period);
}

const ID_PATTERN = /^(GM\d{4}|ZK\d{2}):(\d{4})(?:-(Q[1-4]|H[12]))?$/;

/**
 * The scope of an id a subgraph received in `_entities`: null when it is not a well-formed id of an ended period
 * (nothing to show), FORBIDDEN when the caller may not read that area.
 */
export function supportOverviewScopeOfId(scope: CallerScope, id: string, now: Date): OverviewScope | null {
  requireUser(scope);
  const m = ID_PATTERN.exec(id);
  if (!m) return null;
  const [, code = '', yearText = '', part] = m;
  const year = Number(yearText);
  if (year < 2000 || year > 2100) return null;
  const period = !part
    ? makeReportPeriod('YEAR', year, 1)
    : part.startsWith('Q')
      ? makeReportPeriod('QUARTER', year, Number(part.slice(1)))
      : makeReportPeriod('HALF_YEAR', year, Number(part.slice(1)));
  if (period.to.getTime() > now.getTime()) return null;
  let area: OverviewArea;
  try {
    area = code.startsWith('GM') ? areaOf(code, null, 'id') : areaOf(null, code, 'id');
  } catch {
    return null;
  }
  requireSupportOverviewAccess(scope, area);
  return scopeOf(area, period);
}
