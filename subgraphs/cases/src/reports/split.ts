import type { ReportPeriod } from '@hub/service-kit';
import type { TrajectoryWithGemeenteRow } from '../db/queries.ts';
import { buildSupportReport, type SupportReportData } from '../report.ts';

/**
 * The figures of one provider over one ended grid period, whole and split per gemeente where its clients live.
 *
 * SKELETON: this first version builds every part on its own; the joint suppression (no part recoverable from the whole
 * and the other parts, across periods and versions) replaces it.
 */
export interface ReportSnapshot {
  organizationId: string;
  period: ReportPeriod;
  previousPeriod: ReportPeriod;
  /** The whole organisation. */
  total: SupportReportData;
  /** One part per gemeente code, ordered by code; the key UNKNOWN_GEMEENTE holds clients whose gemeente is not known. */
  gemeenten: Record<string, SupportReportData>;
}

/** The key of the part for clients whose gemeente the hub does not know. */
export const UNKNOWN_GEMEENTE = 'ONBEKEND';

export function buildReportSnapshot(
  organizationId: string,
  period: ReportPeriod,
  previousPeriod: ReportPeriod,
  rows: readonly TrajectoryWithGemeenteRow[],
): ReportSnapshot {
  const byGemeente = new Map<string, TrajectoryWithGemeenteRow[]>();
  for (const row of rows) {
    const key = row.gemeenteCode ?? UNKNOWN_GEMEENTE;
    byGemeente.set(key, [...(byGemeente.get(key) ?? []), row]);
  }
  const gemeenten: Record<string, SupportReportData> = {};
  for (const key of [...byGemeente.keys()].sort()) {
    gemeenten[key] = buildSupportReport(organizationId, period, previousPeriod, byGemeente.get(key) ?? []);
  }
  return { organizationId, period, previousPeriod, total: buildSupportReport(organizationId, period, previousPeriod, rows), gemeenten };
}

/** The snapshot as stored (jsonb): dates as ISO strings. */
export function snapshotToJson(snapshot: ReportSnapshot): unknown {
  return JSON.parse(JSON.stringify(snapshot));
}

const revivePeriod = (p: ReportPeriod): ReportPeriod => ({ ...p, from: new Date(p.from), to: new Date(p.to) });
const reviveReport = (r: SupportReportData): SupportReportData => ({ ...r, period: revivePeriod(r.period), previousPeriod: revivePeriod(r.previousPeriod) });

/** The stored snapshot back, with its dates. */
export function snapshotFromJson(json: unknown): ReportSnapshot {
  const s = json as ReportSnapshot;
  const gemeenten: Record<string, SupportReportData> = {};
  for (const [key, part] of Object.entries(s.gemeenten)) gemeenten[key] = reviveReport(part);
  return { ...s, period: revivePeriod(s.period), previousPeriod: revivePeriod(s.previousPeriod), total: reviveReport(s.total), gemeenten };
}
