import { isUuid } from '@hub/domain';
import { requireUser } from '@hub/service-kit';
import { clientView, discloseTrajectory } from '../consent/access.ts';
import * as trajectories from '../trajectory-service.ts';
import { purposeOf } from './Client.ts';
import type { SupportTrajectoryResolvers } from '../generated/resolvers-types.ts';

export const SupportTrajectory: SupportTrajectoryResolvers = {
  /** Unknown, malformed and invisible ids all resolve to null alike. */
  async __resolveReference(ref, ctx) {
    const p = requireUser(ctx);
    const purpose = purposeOf('purpose' in ref ? ref.purpose : undefined);
    if (!purpose || typeof ref.id !== 'string' || !isUuid(ref.id)) return null;
    const row = await ctx.loaders.trajectory.load(ref.id.toLowerCase());
    return row ? discloseTrajectory(ctx, p, row, purpose, 'Query._entities') : null;
  },
  id: (v) => v.row.id,
  purpose: (v) => v.purpose,
  version: (v) => v.row.version,
  legalDomain: (v) => v.row.legalDomain,
  status: (v) => v.row.status,
  openedAt: (v) => v.row.openedAt,
  closedAt: (v) => v.row.closedAt,
  targetGroups: (v) => v.row.targetGroups,
  organization: (v) => ({ id: v.row.organizationId }),
  /** Visible trajectory implies a visible client (same owner, or a consent of that client). */
  async client(v, _, ctx) {
    const row = await ctx.loaders.client.load(v.row.clientId);
    if (!row) throw new Error('trajectory without client');
    return clientView(row, v.purpose);
  },
  counsellor: (v) => ({
    ...v.row.counsellor,
    role: 'CLIENTONDERSTEUNER',
    workPhone: v.row.counsellor.workPhone ?? null,
    workEmail: v.row.counsellor.workEmail ?? null,
    availability: v.row.counsellor.availability ?? null,
  }),
  wijsplicht: (v) => v.row.wijsplicht,
  journeyPhase: (v) => v.row.journeyPhase,
  supportForms: (v) => v.row.supportForms,
  wlz: (v) => v.row.wlz ?? { sector: null, zorgprofiel: null, leveringsvorm: null, wachtstatus: null },
  closeReason: (v) => v.row.closeReason,
  hulpvraag: (v) => v.row.hulpvraag,
  lifeDomains: (v) => v.row.lifeDomains,
  plan: (v) => v.row.plan,
  goals: (v) => v.row.goals,
  outcomes: (v) => v.row.outcomes,
  contactMoments: (v, args, ctx) => trajectories.contactMomentsOf(ctx, v.row.id, args),
};
