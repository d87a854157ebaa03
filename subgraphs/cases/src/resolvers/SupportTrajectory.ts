import { isUuid } from '@hub/domain';
import type { Context } from '../context.ts';
import { clientView, discloseTrajectory, requireUser, type TrajectoryView } from '../consent/access.ts';
import { purposeOf } from './Client.ts';

export const SupportTrajectory = {
  /** Unknown, malformed and invisible ids all resolve to null alike. */
  async __resolveReference(ref: { id: string; purpose?: unknown }, ctx: Context): Promise<TrajectoryView | null> {
    const p = requireUser(ctx);
    const purpose = purposeOf(ref.purpose);
    if (!purpose || typeof ref.id !== 'string' || !isUuid(ref.id)) return null;
    const row = await ctx.loaders.trajectory.load(ref.id.toLowerCase());
    return row ? discloseTrajectory(ctx, p, row, purpose) : null;
  },
  id: (v: TrajectoryView) => v.row.id,
  purpose: (v: TrajectoryView) => v.purpose,
  version: (v: TrajectoryView) => v.row.version,
  legalDomain: (v: TrajectoryView) => v.row.legalDomain,
  status: (v: TrajectoryView) => v.row.status,
  openedAt: (v: TrajectoryView) => v.row.openedAt,
  closedAt: (v: TrajectoryView) => v.row.closedAt,
  targetGroups: (v: TrajectoryView) => v.row.targetGroups,
  organization: (v: TrajectoryView) => ({ id: v.row.organizationId }),
  /** Visible trajectory implies a visible client (same owner, or a consent of that client). */
  async client(v: TrajectoryView, _: unknown, ctx: Context) {
    const row = await ctx.loaders.client.load(v.row.clientId);
    if (!row) throw new Error('trajectory without client');
    return clientView(row, v.purpose);
  },
  counsellor: (v: TrajectoryView) => v.row.counsellor,
  journeyPhase: (v: TrajectoryView) => v.row.journeyPhase,
  supportForms: (v: TrajectoryView) => v.row.supportForms,
  wlz: (v: TrajectoryView) => v.row.wlz ?? { sector: null, zorgprofiel: null, leveringsvorm: null, wachtstatus: null },
  closeReason: (v: TrajectoryView) => v.row.closeReason,
  hulpvraag: (v: TrajectoryView) => v.row.hulpvraag,
  lifeDomains: (v: TrajectoryView) => v.row.lifeDomains,
  plan: (v: TrajectoryView) => v.row.plan,
  goals: (v: TrajectoryView) => v.row.goals,
  outcomes: (v: TrajectoryView) => v.row.outcomes,
  contactMoments: (v: TrajectoryView, _: unknown, ctx: Context) => ctx.loaders.contactMomentsByTrajectory.load(v.row.id),
};
