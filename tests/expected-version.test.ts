import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganization, dataOf, errorCodes, startTestHub, type GraphQLResult, type TestHub } from '@hub/testing';
import { buildOrg, registerClient } from '../subgraphs/cases/test/builders.ts';
import {
  CREATE_REFERRAL,
  makeClientWithTrajectory,
  makeParties,
  recordHandoverConsent,
  REFERRAL_TEST_ENV,
  referralInput,
} from '../subgraphs/referrals/test/helpers.ts';
import { chair, insertSignals, times } from '../subgraphs/signals/test/builders.ts';
import { serviceInput } from '../subgraphs/sociale-kaart/test/builders.ts';

/**
 * Every versioned change takes `expectedVersion` in its input, and every subgraph refuses one that is not a positive
 * integer alike: BAD_USER_INPUT naming `input.expectedVersion`, and the object keeps its version and content.
 */

const NOT_VERSIONS = [0, -1];

let hub: TestHub;

beforeAll(async () => {
  hub = await startTestHub({ env: REFERRAL_TEST_ENV });
}, 120_000);

afterAll(async () => {
  await hub?.stop();
});

function expectRefusedVersion(result: GraphQLResult<unknown>) {
  expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
  const extensions = result.body.errors?.[0]?.extensions;
  expect(extensions?.field).toBe('input.expectedVersion');
  expect(extensions?.fields).toEqual([expect.objectContaining({ path: 'input.expectedVersion' })]);
}

describe('an expectedVersion that is not a positive integer', () => {
  it('sociale-kaart (updateService): BAD_USER_INPUT on input.expectedVersion, the service unchanged', async () => {
    const org = await buildOrganization(hub);
    const token = await hub.tokenFor({ organizationId: org.id, organizationType: 'OCO', roles: ['BEHEERDER'] });
    const created = dataOf(
      await hub.graphql<{ createService: { service: { id: string; name: string; version: number } } }>(
        'mutation($input: ServiceInput!) { createService(input: $input) { service { id name version } } }',
        { input: serviceInput() },
        { token },
      ),
    ).createService.service;
    for (const v of NOT_VERSIONS) {
      expectRefusedVersion(
        await hub.graphql(
          'mutation($id: ID!, $v: Int!) { updateService(input: { id: $id, expectedVersion: $v, service: { name: "Andere naam" } }) { service { id } } }',
          { id: created.id, v },
          { token },
        ),
      );
    }
    const after = dataOf(
      await hub.graphql<{ service: { name: string; version: number } }>('query($id: ID!) { service(id: $id) { name version } }', { id: created.id }),
    );
    expect(after.service).toEqual({ name: created.name, version: created.version });
  });

  it('cases (updateClient): BAD_USER_INPUT on input.expectedVersion, the client unchanged', async () => {
    const org = await buildOrg(hub);
    const token = await org.token();
    const client = await registerClient(hub, token);
    for (const v of NOT_VERSIONS) {
      expectRefusedVersion(
        await hub.graphql(
          'mutation($id: ID!, $v: Int!) { updateClient(input: { id: $id, expectedVersion: $v, gemeenteCode: "GM0599" }) { client { id } } }',
          { id: client.id, v },
          { token },
        ),
      );
    }
    const after = dataOf(
      await hub.graphql<{ client: { version: number; gemeente: { code: string } } }>(
        'query($id: ID!) { client(id: $id) { version gemeente { code } } }',
        { id: client.id },
        { token },
      ),
    );
    expect(after.client).toEqual({ version: client.version, gemeente: { code: 'GM0363' } });
  });

  it('signals (transitionKnelpunt): BAD_USER_INPUT on input.expectedVersion, the knelpunt unchanged', async () => {
    const region = 'ZK22';
    const boss = await chair(hub, region);
    // Enschede lies in Twente (ZK22).
    const signalIds = await insertSignals(hub, times(2, { gemeenteCode: 'GM0153', zorgkantoorregioCode: region }));
    const knelpunt = dataOf(
      await hub.graphql<{ createKnelpunt: { knelpunt: { id: string; status: string; version: number } } }>(
        'mutation($input: CreateKnelpuntInput!) { createKnelpunt(input: $input) { knelpunt { id status version } } }',
        { input: { zorgkantoorregioCode: region, title: 'Geen plek voor dagbesteding', signalIds } },
        { token: boss.token },
      ),
    ).createKnelpunt.knelpunt;
    for (const v of NOT_VERSIONS) {
      expectRefusedVersion(
        await hub.graphql(
          'mutation($id: ID!, $v: Int!) { transitionKnelpunt(input: { knelpuntId: $id, to: ON_AGENDA, expectedVersion: $v }) { knelpunt { id } } }',
          { id: knelpunt.id, v },
          { token: boss.token },
        ),
      );
    }
    const after = dataOf(
      await hub.graphql<{ knelpunt: { id: string; status: string; version: number } }>(
        'query($id: ID!) { knelpunt(id: $id) { id status version } }',
        { id: knelpunt.id },
        { token: boss.token },
      ),
    );
    expect(after.knelpunt).toEqual(knelpunt);
  });

  it('referrals (acceptReferral): BAD_USER_INPUT on input.expectedVersion, the referral unchanged', async () => {
    const parties = await makeParties(hub);
    const c = await makeClientWithTrajectory(hub, parties.sender);
    await recordHandoverConsent(hub, parties.sender, c.clientId, parties.receiver.organizationId);
    const sent = dataOf(
      await hub.graphql<{ createReferral: { referral: { id: string; status: string; version: number } } }>(
        CREATE_REFERRAL,
        { input: referralInput({ ...c, toOrganizationId: parties.receiver.organizationId }) },
        { token: parties.sender.token },
      ),
    ).createReferral.referral;
    for (const v of NOT_VERSIONS) {
      expectRefusedVersion(
        await hub.graphql(
          'mutation($id: ID!, $v: Int!) { acceptReferral(input: { id: $id, expectedVersion: $v }) { referral { id } } }',
          { id: sent.id, v },
          { token: parties.receiver.token },
        ),
      );
    }
    const after = dataOf(
      await hub.graphql<{ referral: { status: string; version: number } }>(
        'query($id: ID!) { referral(id: $id) { status version } }',
        { id: sent.id },
        { token: parties.sender.token },
      ),
    );
    expect(after.referral).toEqual({ status: sent.status, version: sent.version });
  });
});
