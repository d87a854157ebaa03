import { CARE_ROLES } from '@hub/domain';
import { hasRole } from '@hub/identity';
import { requireUser, type ConsentGate } from '@hub/service-kit';
import type { Context } from '../context.ts';
import { decide, type ClientView, type ConsentView, type GateSubject, type TrajectoryView } from './access.ts';
import { CONSENT_CATEGORIES, type ConsentCategory } from './decide.ts';

/**
 * The cases subgraph's part of the graph-wide consent gate: it decides from its own data (clients, trajectories,
 * consents, through this request's loaders) and buffers the access-log lines of the request, which the access-log
 * plugin writes in one statement before the response leaves.
 */
export const casesConsentGate: ConsentGate<Context, GateSubject, ConsentCategory> = {
  categories: CONSENT_CATEGORIES,
  subjectOf: {
    Client: (v: ClientView) => v.subject,
    SupportTrajectory: (v: TrajectoryView) => v.subject,
    Consent: (v: ConsentView) => v.subject,
  },
  async decide(ctx, subject, category) {
    const principal = requireUser(ctx);
    if (!hasRole(principal, ...CARE_ROLES)) {
      return { permit: false, reason: 'ROLE', consentId: null, forbidden: 'Only TOEGANG, CLIENTONDERSTEUNER or ZORGBEMIDDELAAR may read client data.' };
    }
    return decide(ctx, principal, subject, category);
  },
  record(ctx, { field: gated, subject, decision }) {
    const field = `${gated.typeName}.${gated.fieldName}`;
    if (decision.permit) {
      ctx.accessLog.record({
        field,
        clientId: subject.clientId,
        action: 'READ',
        outcome: 'GRANTED',
        categories: [gated.category],
        ground: decision.reason,
        consentId: decision.consentId,
      });
    } else {
      ctx.accessLog.record({ field, clientId: subject.clientId, action: 'READ', outcome: 'REFUSED', categories: [gated.category], reason: decision.reason });
    }
  },
};
