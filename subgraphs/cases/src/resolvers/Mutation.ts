import { clientView, consentView, trajectoryView } from '../consent/access.ts';
import * as clients from '../client-service.ts';
import * as consents from '../consent-service.ts';
import * as trajectories from '../trajectory-service.ts';
import * as breakGlass from '../break-glass.ts';
import * as my from '../my-support.ts';
import * as wlz from '../iwlz/worklist.ts';
import * as reports from '../half-year-reports/service.ts';
import type { MutationResolvers } from '../generated/resolvers-types.ts';

/**
 * Every mutation hands its input to a service (which checks who may, validates with zod, and writes the change with
 * its access-log line in one transaction) and answers the changed object, read under the default purpose.
 */
export const Mutation: MutationResolvers = {
  registerClient: async (_, args, ctx) => ({ client: clientView(await clients.registerClient(ctx, args.input), 'INTEGRATED_SUPPORT') }),
  updateClient: async (_, args, ctx) => ({ client: clientView(await clients.updateClient(ctx, args.input), 'INTEGRATED_SUPPORT') }),
  openTrajectory: async (_, args, ctx) => ({ trajectory: trajectoryView(await trajectories.openTrajectory(ctx, args.input), 'INTEGRATED_SUPPORT') }),
  updateTrajectory: async (_, args, ctx) => ({ trajectory: trajectoryView(await trajectories.updateTrajectory(ctx, args.input), 'INTEGRATED_SUPPORT') }),
  setTrajectoryCounsellor: async (_, args, ctx) => ({
    trajectory: trajectoryView(await trajectories.setTrajectoryCounsellor(ctx, args.input), 'INTEGRATED_SUPPORT'),
  }),
  recordWijsplicht: async (_, args, ctx) => ({ trajectory: trajectoryView(await trajectories.recordWijsplicht(ctx, args.input), 'INTEGRATED_SUPPORT') }),
  closeTrajectory: async (_, args, ctx) => ({ trajectory: trajectoryView(await trajectories.closeTrajectory(ctx, args.input), 'INTEGRATED_SUPPORT') }),
  recordConsent: async (_, args, ctx) => ({ consent: consentView(await consents.recordConsent(ctx, args.input), 'INTEGRATED_SUPPORT') }),
  giveConsent: async (_, args, ctx) => ({ consent: await my.giveConsent(ctx, args.input) }),
  changeConsentPeriod: async (_, args, ctx) => ({ consent: await my.changeConsentPeriod(ctx, args.input) }),
  revokeMyConsent: async (_, args, ctx) => ({ consent: await my.revokeMyConsent(ctx, args.input) }),
  requestCorrection: async (_, args, ctx) => ({ correctionRequest: await my.requestCorrection(ctx, args.input) }),
  openBreakGlass: async (_, args, ctx) => ({ breakGlass: await breakGlass.openBreakGlass(ctx, args.input) }),
  reviewBreakGlass: async (_, args, ctx) => ({ breakGlass: await breakGlass.reviewBreakGlass(ctx, args.input) }),
  configureBreakGlass: async (_, args, ctx) => ({ settings: await breakGlass.configureBreakGlass(ctx, args.input) }),
  recordIndicatieContact: async (_, args, ctx) => ({ item: await wlz.recordContact(ctx, args.input) }),
  recordIndicatieChoice: async (_, args, ctx) => ({ item: await wlz.recordChoice(ctx, args.input) }),
  linkIndicatieHandover: async (_, args, ctx) => ({ item: await wlz.linkHandover(ctx, args.input) }),
  recordCommission: async (_, args, ctx) => ({ commission: await reports.recordCommission(ctx, args.input) }),
  endCommission: async (_, args, ctx) => ({ commission: await reports.endCommission(ctx, args.input) }),
  startHalfYearReport: async (_, args, ctx) => ({ report: await reports.startHalfYearReport(ctx, args.input) }),
  updateHalfYearReportNarrative: async (_, args, ctx) => ({ report: await reports.updateHalfYearReportNarrative(ctx, args.input) }),
  submitHalfYearReport: async (_, args, ctx) => ({ report: await reports.submitHalfYearReport(ctx, args.input) }),
  acknowledgeHalfYearReport: async (_, args, ctx) => ({ report: await reports.acknowledgeHalfYearReport(ctx, args.input) }),
  recordSatisfactionMeasurement: async (_, args, ctx) => ({ status: await reports.recordSatisfactionMeasurement(ctx, args.input) }),
  revokeConsent: async (_, args, ctx) => ({ consent: consentView(await consents.revokeConsent(ctx, args.input), 'INTEGRATED_SUPPORT') }),
};
