import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeCursor } from '@hub/service-kit';
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

type Page = { nodes: { id: string; status: string }[]; edges: { cursor: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
type ClientReferrals = { _entities: ({ id: string; referrals: Page } | null)[] };

const PAGE = '{ nodes { id status } edges { cursor } pageInfo { hasNextPage endCursor } }';

/** `_entities` for Client representations, straight at the referrals subgraph as the gateway sends it. */
function clientEntities(clientIds: string[], token: string | undefined, selection = `referrals ${PAGE}`): Promise<GraphQLResult<ClientReferrals>> {
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

const referralIds = (result: GraphQLResult<ClientReferrals>) => dataOf<ClientReferrals>(result)._entities.map((c) => c?.referrals.nodes.map((r) => r.id));

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

    const firstTwo = await clientEntities([first.clientId], parties.sender.token, `referrals(first: 2) ${PAGE}`);
    expect(referralIds(firstTwo)).toEqual([[a3, a2]]);
    const mixed = await clientEntities(
      [first.clientId, first.clientId],
      parties.sender.token,
      'one: referrals(first: 1) { nodes { id } } referrals { nodes { id } }',
    );
    const data = dataOf<{ _entities: { one: { nodes: { id: string }[] }; referrals: { nodes: { id: string }[] } }[] }>(mixed);
    expect(data._entities.map((c) => [c.one.nodes.map((r) => r.id), c.referrals.nodes.map((r) => r.id)])).toEqual([
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
    const tooMany = await clientEntities([c.clientId], parties.sender.token, 'referrals(first: 0) { nodes { id } }');
    expect(errorCodes(tooMany)).toEqual(['BAD_USER_INPUT']);
  });

  it("pages through each client's referrals with the endCursor: every referral once, newest first, then no next page", async () => {
    const c = await makeClientWithTrajectory(hub, parties.sender);
    const other = await makeClientWithTrajectory(hub, parties.sender);
    await insertReferrals(
      hub,
      [c.clientId, other.clientId].flatMap((clientId) =>
        Array.from({ length: 5 }, () => ({ clientId, fromOrganizationId: parties.sender.organizationId, toOrganizationId: parties.receiver.organizationId })),
      ),
    );
    const all = referralIds(await clientEntities([c.clientId], parties.sender.token, `referrals(first: 100) ${PAGE}`))[0] ?? [];
    expect(all).toHaveLength(5);

    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 3; page++) {
      const result: GraphQLResult<ClientReferrals> = await hub.directSubgraphRequest<ClientReferrals>(
        'referrals',
        `query($r: [_Any!]!, $after: String) { _entities(representations: $r) { ... on Client { id referrals(first: 2, after: $after) ${PAGE} } } }`,
        { secret: hub.subgraphSecrets.referrals, token: parties.sender.token, variables: { r: [{ __typename: 'Client', id: c.clientId }], after } },
      );
      const referrals: Page | undefined = dataOf<ClientReferrals>(result)._entities[0]?.referrals;
      seen.push(...(referrals?.nodes.map((r) => r.id) ?? []));
      expect(referrals?.pageInfo.hasNextPage).toBe(page < 2);
      after = referrals?.pageInfo.endCursor ?? null;
    }
    expect(seen).toEqual(all);

    // A cursor whose sort key is no timestamp, or that is no cursor at all, is refused before any SQL runs.
    for (const bad of [encodeCursor('gisteren', randomUUID()), 'bm9wZQ']) {
      const refused = await clientEntities([c.clientId], parties.sender.token, `referrals(after: "${bad}") ${PAGE}`);
      expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
    }
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
      for (const c of dataOf<ClientReferrals>(result)._entities) expect(c?.referrals.nodes).toHaveLength(9);
      return after - before;
    };
    expect(await statements(clients.slice(0, 2))).toBe(1);
    expect(await statements(clients)).toBe(1);
    const nested = 'referrals(first: 100) { nodes { id status timeline { nodes { action } } } }';
    expect(await statements(clients, nested)).toBe(await statements(clients.slice(0, 2), nested));
  });
});
