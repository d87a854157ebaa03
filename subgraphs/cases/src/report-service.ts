import { badInput, forbidden } from '@hub/errors';
import { readGemeenten } from '@hub/reference-data';
import type { Context } from './context.ts';
import { requireUser } from '@hub/service-kit';
import { findTrajectoriesWithGemeenteInPeriod } from './db/queries.ts';
import { previousReportPeriod, requireEndedReportPeriod } from '@hub/service-kit';
import { buildSupportReport, type SupportReportData } from './report.ts';
import { buildReportSnapshot } from './reports/split.ts';
import { requireUuid } from './validation.ts';

/** The code of a real gemeente (the CBS list in @hub/reference-data), or BAD_USER_INPUT on `gemeenteCode`. */
function requireGemeenteCode(value: string): string {
  if (!readGemeenten().some((g) => g.code === value)) throw badInput('gemeenteCode', 'Not a known gemeente code (GM followed by 4 digits).');
  return value;
}

/**
 * The report of one ended grid period, for members of the organisation; the rows cover the previous period too, for
 * the trend. Without `gemeenteCode` the whole organisation, with it the part about clients living in that gemeente.
 * Both come from the same joint decision as the half-year snapshot (buildReportSnapshot), so neither the live report
 * nor a part ever shows a figure the other withholds for the same period, and the total minus the parts gives nothing
 * away. A gemeente without clients gets a report of zeros.
 */
export async function supportReportOf(ctx: Context, organizationId: string, periodInput: unknown, gemeenteCode?: string | null): Promise<SupportReportData> {
  const p = requireUser(ctx);
  const orgId = requireUuid(organizationId, 'organizationId');
  if (p.organizationId !== orgId) throw forbidden('Only members of the organisation may read its report.');
  const period = requireEndedReportPeriod(periodInput, ctx.now);
  const code = gemeenteCode == null ? null : requireGemeenteCode(gemeenteCode);
  const previousPeriod = previousReportPeriod(period);
  const rows = await findTrajectoriesWithGemeenteInPeriod(ctx.db, orgId, previousPeriod.from, period.to);
  const snapshot = buildReportSnapshot(orgId, period, previousPeriod, rows);
  if (code === null) return snapshot.total;
  return snapshot.gemeenten[code] ?? buildSupportReport(orgId, period, previousPeriod, []);
}
