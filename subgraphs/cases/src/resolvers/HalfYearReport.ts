import * as reports from '../half-year-reports/service.ts';
import type { HalfYearReportPartResolvers, HalfYearReportResolvers } from '../generated/resolvers-types.ts';

/** A report as its reader may see it: the service decided the reader (provider member or opdrachtgever) already. */
export const HalfYearReport: HalfYearReportResolvers = {
  id: (v) => v.row.id,
  organization: (v) => ({ id: v.row.organizationId }),
  period: (v) => v.period,
  status: (v) => v.row.status,
  version: (v) => v.row.version,
  total: async (v) => (await reports.figuresOf(v)).total,
  gemeenteParts: async (v) => (await reports.figuresOf(v)).parts,
  narrative: (v) => ({ observations: v.row.observations, signalled: v.row.signalled, outlook: v.row.outlook }),
  satisfactionMeasurement: (v, _, ctx) => reports.satisfactionOfReport(ctx, v),
  acknowledgements: (v, _, ctx) => reports.acknowledgementsOf(ctx, v),
  downloads: (v) => reports.downloadsOf(v.row.id),
  createdAt: (v) => v.row.createdAt,
  submittedAt: (v) => v.row.submittedAt,
  updatedAt: (v) => v.row.updatedAt,
};

export const HalfYearReportPart: HalfYearReportPartResolvers = {
  gemeente: (p) => (p.gemeenteCode ? { code: p.gemeenteCode } : null),
  figures: (p) => p.figures,
};
