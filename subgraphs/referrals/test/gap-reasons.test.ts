import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf, sql } from '@hub/db';
import { startTestHub, type TestHub } from '@hub/testing';
import { findOutboxByTopic } from '../src/db/outbox.ts';
import { gapEventOf } from '../src/events.ts';
import type { Relay } from '../src/relay.ts';
import { REJECTION_REASONS, type RejectionReason } from '../src/transitions.ts';
import {
  CREATE_REFERRAL,
  dataOf,
  makeClientWithTrajectory,
  makeParties,
  recordHandoverConsent,
  REFERRAL_TEST_ENV,
  referralInput,
  relayFor,
  type Parties,
} from './helpers.ts';

/**
 * Every rejection reason, through the gateway and the real relay into the real signals subgraph: the reasons that
 * point at a gap in supply yield exactly one gap event that becomes one signal of the mapped category; the others
 * yield nothing, in the outbox or in signals.
 */

let hub: TestHub;
let parties: Parties;
let relay: Relay;

beforeAll(async () => {
  hub = await startTestHub({ env: REFERRAL_TEST_ENV });
  parties = await makeParties(hub);
  relay = relayFor(hub);
});
afterAll(async () => {
  await hub?.stop();
});

const EXPECTED: Record<RejectionReason, string | null> = {
  NO_CAPACITY: 'NO_CAPACITY',
  NO_FUNDS: 'NO_CAPACITY',
  WAITLIST: 'WAITING_TIME',
  NO_FITTING_OFFER: 'NO_FITTING_OFFER',
  OUT_OF_AREA: null,
  NOT_ELIGIBLE: null,
  MISSING_INFORMATION: null,
  CLIENT_DECLINED: null,
  COULD_NOT_CONTACT: null,
  OTHER: null,
};

type Sent = { createReferral: { referral: { id: string; version: number } } };
const REJECT = `mutation($input: RejectReferralInput!) { rejectReferral(input: $input) { referral { status rejectionReason } } }`;

async function gapEventsOfReceiver() {
  return (await findOutboxByTopic(hub.database.db, 'GAP'))
    .map((row) => ({ row, event: gapEventOf(row.payload) }))
    .filter(({ event }) => event.organizationId === parties.receiver.organizationId);
}

describe('gap events per rejection reason', () => {
  it('covers every reason of the enum', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...REJECTION_REASONS].sort());
  });

  it.each(REJECTION_REASONS.map((r) => [r, EXPECTED[r]] as const))('%s: gap signal of category %s (null: no gap event)', async (reason, category) => {
    const c = await makeClientWithTrajectory(hub, parties.sender);
    await recordHandoverConsent(hub, parties.sender, c.clientId, parties.receiver.organizationId);
    const sent = dataOf<Sent>(
      await hub.graphql(
        CREATE_REFERRAL,
        { input: referralInput({ ...c, toOrganizationId: parties.receiver.organizationId }) },
        { token: parties.sender.token },
      ),
    ).createReferral.referral;
    const before = new Set((await gapEventsOfReceiver()).map((g) => g.event.eventId));
    const rejected = dataOf<{ rejectReferral: { referral: { status: string; rejectionReason: string } } }>(
      await hub.graphql(REJECT, { input: { id: sent.id, expectedVersion: sent.version, reason } }, { token: parties.receiver.token }),
    );
    expect(rejected.rejectReferral.referral).toEqual({ status: 'REJECTED', rejectionReason: reason });
    await relay.runOnce();

    const fresh = (await gapEventsOfReceiver()).filter((g) => !before.has(g.event.eventId));
    if (category === null) {
      expect(fresh).toEqual([]);
      return;
    }
    expect(fresh).toHaveLength(1);
    const [gap] = fresh;
    expect(gap?.event).toMatchObject({ kind: 'REJECTED', reason, organizationId: parties.receiver.organizationId, gemeenteCode: 'GM0363' });
    // Delivered by the relay to the signals subgraph, which made exactly one signal of it.
    expect(gap?.row.deliveredAt).toBeInstanceOf(Date);
    const signals = rowsOf<{ category: string; gap_reason: string; gap_kind: string; source: string }>(
      await hub.database.db.execute(
        sql`select category, gap_reason, gap_kind, source from signals.signal where gap_event_id = ${gap?.event.eventId ?? ''}::uuid`,
      ),
    );
    expect(signals).toEqual([{ category, gap_reason: reason, gap_kind: 'REJECTED', source: 'GAP_EVENT' }]);
  });
});
