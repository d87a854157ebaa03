import type { HubConfig } from '@hub/config';
import { purgeByOwnerFunction, termBefore, type RetentionTask } from '@hub/service-kit';

/**
 * A finished referral is part of the client's dossier: it goes, with its timeline, the referral term after its last
 * status change. The timeline is append-only (trigger, and no DELETE for the runtime role), so the owner's function
 * `referrals.purge_closed_referrals` deletes both; it never touches an open referral or one that changed after now().
 */
export function referralsRetention(config: HubConfig): RetentionTask[] {
  return [
    purgeByOwnerFunction('referrals.referral', 'referrals.purge_closed_referrals', (asOf) => termBefore(asOf, { years: config.retention.referralYears })),
  ];
}
