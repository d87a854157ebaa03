import type { ReportPeriod } from '@hub/service-kit';
import type { TrajectoryWithGemeenteRow } from '../db/queries.ts';
import { buildSplitSupportReports, type SupportReportData } from '../report.ts';

/**
 * The figures of one provider over one ended grid period, whole and split per gemeente where its clients live.
 *
 * The whole and every part are decided as one system (buildSplitSupportReports in report.ts, rules in docs/cases.md):
 * no withheld figure of a part can be recovered as the total minus the other parts, a period minus its sub-periods, or
 * the people minus the other keys of a breakdown, and the total itself comes from the same decision (the old total
 * minus the new parts would otherwise be the attack). The same rows always give the same snapshot.
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

/**
 * `rows` must hold every trajectory of the organisation open at some moment from the start of `previousPeriod` to the
 * end of `period` (findTrajectoriesWithGemeenteInPeriod). A gemeente without clients has no part; its report is all
 * zeros (buildSupportReport over no rows).
 */
export function buildReportSnapshot(
  organizationId: string,
  period: ReportPeriod,
  previousPeriod: ReportPeriod,
  rows: readonly TrajectoryWithGemeenteRow[],
): ReportSnapshot {
  // The input order must not matter: sort by trajectory id so every derived list (and so every tie) is stable.
  const sorted = [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const { total, parts } = buildSplitSupportReports(organizationId, period, previousPeriod, sorted, (row) => row.gemeenteCode ?? UNKNOWN_GEMEENTE);
  const gemeenten: Record<string, SupportReportData> = {};
  for (const key of [...parts.keys()].sort()) {
    const part = parts.get(key);
    if (part) gemeenten[key] = part;
  }
  return { organizationId, period, previousPeriod, total, gemeenten };
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
