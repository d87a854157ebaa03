import { topNoCapacity, type Summary } from '../summaries.ts';

const clampLimit = (limit: number | null | undefined) => Math.min(50, Math.max(1, limit ?? 5));

export const SignalSummary = {
  zorgkantoorregio: (s: Summary) => (s.kind === 'REGION' ? { code: s.scope } : null),
  gemeente: (s: Summary) => (s.kind === 'GEMEENTE' ? { code: s.scope } : null),
  period: (s: Summary) => s.period.key,
  startsOn: (s: Summary) => s.period.startsOn,
  endsOn: (s: Summary) => s.period.endsOn,
  medianWaitDays: (s: Summary) => s.medianWaitDays,
  topNoCapacityServices: (s: Summary, args: { limit?: number | null }) =>
    topNoCapacity(s, 'services', clampLimit(args.limit)).map((r) => ({ service: { id: r.id }, organization: null, signals: r.signals })),
  topNoCapacityOrganizations: (s: Summary, args: { limit?: number | null }) =>
    topNoCapacity(s, 'organizations', clampLimit(args.limit)).map((r) => ({ service: null, organization: { id: r.id }, signals: r.signals })),
};
