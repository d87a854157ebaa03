import { reviewOverdue } from '../break-glass.ts';
import { consentState } from '../consent/decide.ts';
import * as my from '../my-support.ts';
import type {
  BreakGlassResolvers,
  BreakGlassSettingsResolvers,
  ContactPersonResolvers,
  CorrectionRequestResolvers,
  MyBreakGlassOpeningResolvers,
  MyConsentResolvers,
  MyHandoverResolvers,
  MySupportResolvers,
  MyTrajectoryResolvers,
} from '../generated/resolvers-types.ts';

export const MySupport: MySupportResolvers = {
  id: (v) => v.row.id,
  name: (v) => ({ givenName: v.row.givenName, namePrefix: v.row.namePrefix, familyName: v.row.familyName }),
  actingAs: (v) => (v.caller.machtiging ? 'REPRESENTATIVE' : 'CLIENT'),
  machtigingScope: (v) => [...(v.caller.machtiging?.scope ?? [])],
  trajectories: (v, args, ctx) => my.myTrajectories(ctx, v, args),
  consents: (v, args, ctx) => my.myConsents(ctx, v, args),
  accessLog: (v, args, ctx) => my.myAccessLog(ctx, v, args),
  breakGlassOpenings: (v, args, ctx) => my.myBreakGlassOpenings(ctx, v, args),
  handoversInProgress: (v, args, ctx) => my.myHandoversInProgress(ctx, v, args),
};

export const MyHandover: MyHandoverResolvers = {
  fromOrganization: (h) => ({ id: h.fromOrganizationId }),
  toOrganization: (h) => ({ id: h.toOrganizationId }),
};

export const MyTrajectory: MyTrajectoryResolvers = {
  organization: (t) => ({ id: t.organizationId }),
  contactPerson: (t) => ({
    name: t.counsellor.name,
    formality: t.counsellor.formality,
    role: 'CLIENTONDERSTEUNER',
    workPhone: t.counsellor.workPhone ?? null,
    workEmail: t.counsellor.workEmail ?? null,
    availability: t.counsellor.availability ?? null,
    organization: { id: t.organizationId },
  }),
};

export const ContactPerson: ContactPersonResolvers = {};

export const MyConsent: MyConsentResolvers = {
  sharingOrganization: (c) => ({ id: c.recordedByOrganizationId }),
  receivingOrganization: (c) => (c.receivingOrganizationId ? { id: c.receivingOrganizationId } : null),
  status: (c, _, ctx) => consentState(c, ctx.now),
};

export const MyBreakGlassOpening: MyBreakGlassOpeningResolvers = {
  organization: (g) => ({ id: g.organizationId }),
};

export const BreakGlass: BreakGlassResolvers = {
  organization: (g) => ({ id: g.organizationId }),
  active: (g, _, ctx) => g.openedAt.getTime() <= ctx.now.getTime() && g.expiresAt.getTime() > ctx.now.getTime(),
  reviewOverdue: (g, _, ctx) => reviewOverdue(g, ctx.now),
};

export const BreakGlassSettings: BreakGlassSettingsResolvers = {
  organization: (s) => ({ id: s.organizationId }),
  durationHours: (s) => s.hours,
};

export const CorrectionRequest: CorrectionRequestResolvers = {
  organization: (r) => ({ id: r.organizationId }),
};
