import { DEFAULT_PURPOSE } from '../consent/access.ts';
import * as clients from '../client-service.ts';
import { supportReportOf } from '../report-service.ts';
import { supportReportCsv } from '../report.ts';
import * as trajectories from '../trajectory-service.ts';
import * as breakGlass from '../break-glass.ts';
import * as my from '../my-support.ts';
import * as wlz from '../iwlz/worklist.ts';
import * as reports from '../half-year-reports/service.ts';
import type { QueryResolvers, SupportReportResolvers } from '../generated/resolvers-types.ts';

export const Query: QueryResolvers = {
  client: (_, args, ctx) => clients.readClient(ctx, args.id, args.purpose ?? DEFAULT_PURPOSE),
  findClientByBsn: (_, args, ctx) => clients.findClientByBsn(ctx, args.bsn, args.purpose),
  trajectory: (_, args, ctx) => trajectories.readTrajectory(ctx, args.id, args.purpose ?? DEFAULT_PURPOSE),
  myTrajectories: (_, args, ctx) => trajectories.myTrajectories(ctx, args),
  mySupport: (_, __, ctx) => my.mySupport(ctx),
  myDataExport: (_, __, ctx) => my.myDataExport(ctx),
  breakGlassSettings: (_, __, ctx) => breakGlass.breakGlassSettings(ctx),
  breakGlassReviews: (_, args, ctx) => breakGlass.breakGlassReviews(ctx, args),
  correctionRequests: (_, args, ctx) => my.correctionRequestsOfOrganization(ctx, args),
  wlzIndicatieWorklist: (_, args, ctx) => wlz.worklist(ctx, args),
  wlzIndicatieItem: (_, args, ctx) => wlz.worklistItem(ctx, args.id),
  wlzNotifications: (_, args, ctx) => wlz.notifications(ctx, args),
  supportReport: (_, args, ctx) => supportReportOf(ctx, args.organizationId, args.period),
  commissions: (_, args, ctx) => reports.commissions(ctx, args),
  halfYearReport: (_, args, ctx) => reports.readHalfYearReport(ctx, args.id),
  myHalfYearReports: (_, args, ctx) => reports.myHalfYearReports(ctx, args),
  commissionedHalfYearReports: (_, args, ctx) => reports.commissionedHalfYearReports(ctx, args),
  satisfactionMeasurementStatus: (_, __, ctx) => reports.satisfactionMeasurementStatus(ctx),
  supportReportCsv: async (_, args, ctx) => supportReportCsv(await supportReportOf(ctx, args.organizationId, args.period)),
};

export const SupportReport: SupportReportResolvers = {
  organization: (r) => ({ id: r.organizationId }),
};
