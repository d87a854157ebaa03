import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type GraphQLResult, type TestHub } from '@hub/testing';
import {
  CREATE_REFERRAL,
  dataOf,
  errorCodes,
  insertReferrals,
  makeClientWithTrajectory,
  makeParties,
  recordHandoverConsent,
  REFERRAL_TEST_ENV,
  referralInput,
  type Parties,
  type Party,
} from './helpers.ts';

/** Client.referrals: the client's handovers, contributed by this subgraph to the cases subgraph's Client. */

let hub: TestHub;
let parties: Parties;

beforeAll(async () => {
  hub = await startTestHub({ env: REFERRAL_TEST_ENV });
  parties = await makeParties(hub);
});
afterAll(async () => {
  await hub?.stop();
});

type ClientReferrals = { _entities: ({ id: string; referrals: { id: string; status: string }[] } | null)[] };

/** `_entities` for Client representations, straight at the referrals subgraph as the gateway sends it. */
function clientEntities(clientIds: string[], token: string | undefined, selection = 'referrals { id status }'): Promise<GraphQLResult<ClientReferrals>> {
  return hub.directSubgraphRequest<ClientReferrals>(
    'referrals',
    `query($r: [_Any!]!) { _entities(representations: $r) { ... on Client { id ${selection} } } }`,
    {
      secret: hub.subgraphSecrets.referrals,
      token,
      variables: { r: clientIds.map((id) => ({ __typename: 'Client', id })) },
    },
  );
}

const referralIds = (result: GraphQLResult<ClientReferrals>) => dataOf<ClientReferrals>(result)._entities.map((c) => c?.referrals.map((r) => r.id));

async function createReferral(c: { clientId: string; trajectoryId: string }, extra: Record<string, unknown> = {}): Promise<string> {
  const input = referralInput({ ...c, toOrganizationId: parties.receiver.organizationId }, extra);
  return dataOf<{ createReferral: { referral: { id: string } } }>(await hub.graphql(CREATE_REFERRAL, { input }, { token: parties.sender.token })).createReferral
    .referral.id;
}

describe('Client.referrals through _entities', () => {
  it("returns each client's referrals newest first, in the order of the representations, and only those the caller may see", async () => {
    const first = await makeClientWithTrajectory(hub, parties.sender);
    const second = await makeClientWithTrajectory(hub, parties.sender);
    const withoutReferrals = await makeClientWithTrajectory(hub, parties.sender);
    for (const c of [first, second]) await recordHandoverConsent(hub, parties.sender, c.clientId, parties.receiver.organizationId);
    const a1 = await createReferral(first);
    const b1 = await createReferral(second);
    const a2 = await createReferral(first, { kind: 'OTHER' });
    const bDraft = await createReferral(second, { send: false });
    const a3 = await createReferral(first);
    const clients = [second.clientId, randomUUID(), first.clientId, withoutReferrals.clientId];

    const asSender = await clientEntities(clients, parties.sender.token);
    expect(dataOf<ClientReferrals>(asSender)._entities.map((c) => c?.id)).toEqual(clients);
    expect(referralIds(asSender)).toEqual([[bDraft, b1], [], [a3, a2, a1], []]);
    // The receiver is a party only once a referral is sent: the draft is not there.
    expect(referralIds(await clientEntities(clients, parties.receiver.token))).toEqual([[b1], [], [a3, a2, a1], []]);
    expect(referralIds(await clientEntities(clients, parties.other.token))).toEqual([[], [], [], []]);

    const firstTwo = await clientEntities([first.clientId], parties.sender.token, 'referrals(first: 2) { id status }');
    expect(referralIds(firstTwo)).toEqual([[a3, a2]]);
    const mixed = await clientEntities(
      [first.clientId, first.clientId],
      parties.sender.token,
      'one: referrals(first: 1) { id status } referrals { id status }',
    );
    const data = dataOf<{ _entities: { one: { id: string }[]; referrals: { id: string }[] }[] }>(mixed);
    expect(data._entities.map((c) => [c.one.map((r) => r.id), c.referrals.map((r) => r.id)])).toEqual([
      [[a3], [a3, a2, a1]],
      [[a3], [a3, a2, a1]],
    ]);
  });

  it('is refused like referrals(box:): UNAUTHENTICATED without a token, FORBIDDEN for a role that does not work on referrals', async () => {
    const c = await makeClientWithTrajectory(hub, parties.sender);
    const anonymous = await clientEntities([c.clientId], undefined);
    expect(errorCodes(anonymous)).toEqual(['UNAUTHENTICATED']);
    const privacyOfficer: Party = {
      organizationId: parties.sender.organizationId,
      token: await hub.tokenFor({ organizationId: parties.sender.organizationId, organizationType: 'GEMEENTE', roles: ['PRIVACY_OFFICER'] }),
    };
    const refused = await clientEntities([c.clientId], privacyOfficer.token);
    expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
    expect(refused.body.errors?.[0]?.path).toEqual(['_entities', 0, 'referrals']);
    const tooMany = await clientEntities([c.clientId], parties.sender.token, 'referrals(first: 0) { id }');
    expect(errorCodes(tooMany)).toEqual(['BAD_USER_INPUT']);
  });

  it('takes the same number of statements for 2 clients as for 20 clients with 12 referrals each', async () => {
    const clients = Array.from({ length: 20 }, () => randomUUID());
    await insertReferrals(
      hub,
      clients.flatMap((clientId) =>
        Array.from({ length: 12 }, (_, i) => ({
          clientId,
          fromOrganizationId: parties.sender.organizationId,
          toOrganizationId: parties.receiver.organizationId,
          ...(i % 4 === 0 ? { status: 'DRAFT', sentAt: null } : {}),
        })),
      ),
    );
    const statements = async (clientIds: string[], selection?: string) => {
      const before = hub.database.stats.statements;
      const result = await clientEntities(clientIds, parties.receiver.token, selection);
      const after = hub.database.stats.statements;
      // The receiver does not see the drafts: 9 of the 12 per client.
      for (const c of dataOf<ClientReferrals>(result)._entities) expect(c?.referrals).toHaveLength(9);
      return after - before;
    };
    expect(await statements(clients.slice(0, 2))).toBe(1);
    expect(await statements(clients)).toBe(1);
    const nested = 'referrals(first: 100) { id status timeline { action } }';
    expect(await statements(clients, nested)).toBe(await statements(clients.slice(0, 2), nested));
  });
});
