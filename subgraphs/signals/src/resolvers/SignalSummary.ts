import { topNoCapacity } from '../summaries.ts';
import type { SignalSummaryResolvers } from '../generated/resolvers-types.ts';

const clampLimit = (limit: number | null | undefined) => Math.min(50, Math.max(1, limit ?? 5));

export const SignalSummary: SignalSummaryResolvers = {
  zorgkantoorregio: (s) => (s.kind === 'REGION' ? { code: s.scope } : null),
  gemeente: (s) => (s.kind === 'GEMEENTE' ? { code: s.scope } : null),
  period: (s) => s.period.key,
  startsOn: (s) => s.period.startsOn,
  endsOn: (s) => s.period.endsOn,
  medianWaitDays: (s) => s.medianWaitDays,
  topNoCapacityServices: (s, args) =>
    topNoCapacity(s, 'services', clampLimit(args.limit)).map((r) => ({ service: { id: r.id }, organization: null, signals: r.signals })),
  topNoCapacityOrganizations: (s, args) =>
    topNoCapacity(s, 'organizations', clampLimit(args.limit)).map((r) => ({ service: null, organization: { id: r.id }, signals: r.signals })),
};
