import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '@hub/testing';
import {
  CREATE_REFERRAL,
  dataOf,
  makeClientWithTrajectory,
  makeParties,
  recordHandoverConsent,
  REFERRAL_TEST_ENV,
  referralInput,
  type Parties,
} from '../../subgraphs/referrals/test/helpers.ts';

/**
 * A referral is a warm handover, so the receiver reads the client (and the sending trajectory) under the purpose
 * WARM_HANDOVER: the purpose its consent was given for. Referenced by id alone, the cases subgraph would read them
 * under the default purpose INTEGRATED_SUPPORT, find no consent for it, answer null, and the non-null
 * `Referral.client` would take the whole referral with it.
 */

let hub: TestHub;
let parties: Parties;
let referralId: string;
let clientId: string;
let trajectoryId: string;

const READ = `query Handover($id: ID!) {
  referral(id: $id) {
    id
    client { id purpose name { familyName } }
    sourceTrajectory { id purpose hulpvraag }
  }
}`;

interface ReadResult {
  referral: {
    id: string;
    client: { id: string; purpose: string; name: { familyName: string } | null };
    sourceTrajectory: { id: string; purpose: string; hulpvraag: string | null };
  } | null;
}

beforeAll(async () => {
  hub = await startTestHub({ env: REFERRAL_TEST_ENV });
  parties = await makeParties(hub);
  const made = await makeClientWithTrajectory(hub, parties.sender);
  clientId = made.clientId;
  trajectoryId = made.trajectoryId;
  // The receiver holds this one consent only: WARM_HANDOVER, covering HANDOVER, IDENTITY and QUESTION.
  await recordHandoverConsent(hub, parties.sender, clientId, parties.receiver.organizationId);
  const created = dataOf<{ createReferral: { referral: { id: string } } }>(
    await hub.graphql(
      CREATE_REFERRAL,
      { input: referralInput({ clientId, trajectoryId, toOrganizationId: parties.receiver.organizationId }) },
      { token: parties.sender.token },
    ),
  );
  referralId = created.createReferral.referral.id;
});

afterAll(async () => {
  await hub?.stop();
});

describe('the client of a referral is read under WARM_HANDOVER', () => {
  it('gives the receiver holding only a WARM_HANDOVER consent the referral, its client and the sending trajectory', async () => {
    const res = await hub.graphql<ReadResult>(READ, { id: referralId }, { token: parties.receiver.token });
    expect(res.body.errors ?? []).toEqual([]);
    expect(res.body.data?.referral?.id).toBe(referralId);
    expect(res.body.data?.referral?.client).toMatchObject({ id: clientId, purpose: 'WARM_HANDOVER' });
    expect(res.body.data?.referral?.client.name?.familyName).toMatch(/^Cliënt /);
    expect(res.body.data?.referral?.sourceTrajectory).toMatchObject({ id: trajectoryId, purpose: 'WARM_HANDOVER' });
    expect(res.body.data?.referral?.sourceTrajectory.hulpvraag).toBeTruthy();
  });

  it('gives the sender (an owner) the same referral under WARM_HANDOVER', async () => {
    const res = await hub.graphql<ReadResult>(READ, { id: referralId }, { token: parties.sender.token });
    expect(res.body.errors ?? []).toEqual([]);
    expect(res.body.data?.referral?.client.name?.familyName).toMatch(/^Cliënt /);
    expect(res.body.data?.referral?.sourceTrajectory.hulpvraag).toBeTruthy();
  });

  it('gives an organisation without a relation no referral at all', async () => {
    const res = await hub.graphql<ReadResult>(READ, { id: referralId }, { token: parties.other.token });
    expect(res.body.data?.referral ?? null).toBeNull();
  });
});
