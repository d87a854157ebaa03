import { forbidden } from '@hub/errors';
import type { Context } from './context.ts';
import { requireUser } from '@hub/service-kit';
import { findTrajectoriesInPeriod } from './db/queries.ts';
import { previousReportPeriod, requireEndedReportPeriod } from '@hub/service-kit';
import { buildSupportReport, type SupportReportData } from './report.ts';
import { requireUuid } from './validation.ts';

/**
 * The report of one ended grid period, for members of the organisation; the rows cover the previous period too, for
 * the trend.
 */
export async function supportReportOf(ctx: Context, organizationId: string, periodInput: unknown): Promise<SupportReportData> {
  const p = requireUser(ctx);
  const orgId = requireUuid(organizationId, 'organizationId');
  if (p.organizationId !== orgId) throw forbidden('Only members of the organisation may read its report.');
  const period = requireEndedReportPeriod(periodInput, ctx.now);
  const previousPeriod = previousReportPeriod(period);
  const rows = await findTrajectoriesInPeriod(ctx.db, orgId, previousPeriod.from, period.to);
  return buildSupportReport(orgId, period, previousPeriod, rows);
}
