import type { HubConfig } from '@hub/config';
import type { LightReferral } from '@hub/contracts';
import type { Db } from '@hub/db';
import type { Principal } from '@hub/identity';
import type { RequestMeta } from '@hub/service-kit';
import { addWorkingDays, amsterdamDate, daysBetween } from './deadlines.ts';
import { findReferralsByIds, type ReferralRow } from './db/queries.ts';
import { gapEventRow } from './events.ts';
import { writeTransition } from './referral-service.ts';
import { decideTransition, isGapReason, type RejectionReason } from './transitions.ts';

/**
 * Answers through a single-use link (light participation): an organisation without accounts accepts or rejects a
 * handover addressed to it. The link is held by the notifications subgraph; here it is only a name for the actor.
 */

/** The access-log actor of a link: its id as subject, the receiving organisation, no roles (no person signed in). */
export function linkActor(linkId: string, organizationId: string): Principal {
  return {
    kind: 'user',
    subject: `light-link:${linkId}`,
    name: undefined,
    organizationId,
    organizationType: 'OTHER',
    roles: [],
    gemeenteCode: undefined,
    zorgkantoorregio: undefined,
  };
}

export function lightReferralOf(r: ReferralRow): LightReferral {
  return {
    referralId: r.id,
    status: r.status,
    version: r.version,
    fromOrganizationId: r.fromOrganizationId,
    toOrganizationId: r.toOrganizationId,
    serviceId: r.serviceId,
    respondBy: r.respondBy,
  };
}

export interface LightAnswer {
  linkId: string;
  referralId: string;
  organizationId: string;
  accept: boolean;
  reason?: RejectionReason | null | undefined;
}

/**
 * The transition acceptReferral / rejectReferral make, for the receiving organisation through a link: refused
 * (false, nothing written) unless the referral is REQUESTED and addressed to that organisation, or when another answer
 * won the race (the version check).
 */
export async function answerByLink(db: Db, config: HubConfig, meta: RequestMeta, answer: LightAnswer, now: Date): Promise<boolean> {
  const [current] = await findReferralsByIds(db, [answer.referralId]);
  if (!current || current.toOrganizationId !== answer.organizationId || current.status !== 'REQUESTED') return false;
  // A referral within one organisation has a sender with accounts: a link never answers it.
  if (current.fromOrganizationId === current.toOrganizationId) return false;
  const action = answer.accept ? 'ACCEPT' : 'REJECT';
  const decision = decideTransition(action, 'REQUESTED', 'RECEIVER');
  if (!decision.allowed) return false;
  const reason = answer.reason ?? null;
  if (!answer.accept && reason === null) return false;
  const actor = linkActor(answer.linkId, answer.organizationId);
  const prepared = answer.accept
    ? {
        changes: { startBy: addWorkingDays(amsterdamDate(now), config.referrals.startDays) },
      }
    : {
        changes: { rejectionReason: reason, rejectionNote: null, expectedWaitDays: null },
        reasonCode: reason,
        extra: (updated: ReferralRow) => {
          if (reason === null || !isGapReason(reason)) return [];
          const waited = current.sentAt ? daysBetween(amsterdamDate(current.sentAt), amsterdamDate(now)) : null;
          return [gapEventRow(updated, 'REJECTED', reason, waited, null, now)];
        },
      };
  const updated = await db.transaction((tx) =>
    writeTransition(tx, {
      referral: current,
      expectedVersion: current.version,
      action,
      to: decision.to,
      actor,
      party: 'RECEIVER',
      prepared,
      meta,
      now,
      field: 'Mutation.answerHandoverByLink',
    }),
  );
  return updated !== null;
}
