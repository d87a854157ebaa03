import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoBsn } from '@hub/domain';
import { startTestHub, type GraphQLResult, type TestHub } from '@hub/testing';
import { buildOrg, dataOf, openTrajectory, recordConsent, registerClient, type TestOrg } from '../../subgraphs/cases/test/builders.ts';
import { CREATE_REFERRAL, REFERRAL_TEST_ENV, referralInput } from '../../subgraphs/referrals/test/helpers.ts';

/**
 * A client signed in as themselves (role CLIENT, found by the keyed hash of the token's BSN) sees their own support and
 * nothing of anyone else: not by id, not by guessed ids, not through referrals, signals or reports, not through a direct
 * `_entities` call with the gateway secret. The professional paths refuse a client token altogether.
 */

let hub: TestHub;
let gemeente: TestOrg;
let zorgkantoor: TestOrg;
let gemeenteToken: string;
let zorgkantoorToken: string;
/** Anna: the signed-in client, with a trajectory at the gemeente and one at the zorgkantoor. */
let anna: { id: string; bsn: string; trajectories: string[]; token: string };
let annaReferralId: string;
/** Bert: another client of the same gemeente, whom Anna must never reach. */
let bert: { id: string; bsn: string; trajectory: string; consentId: string; referralId: string; token: string };

const MY_SUPPORT = `query MySupport {
  mySupport {
    id actingAs machtigingScope
    name { givenName familyName }
    trajectories { totalCount nodes { id organization { id } legalDomain journeyPhase status contactPerson { name formality organization { id } } } }
    consents { totalCount nodes { id sharingOrganization { id } receivingOrganization { id } categories purpose validUntil givenBy recordedHow status version } }
    accessLog(first: 100) { nodes { action outcome organization { id } role onBehalfOf dataCategories authorizationGround accessPoint userId } }
  }
}`;

interface MySupportData {
  mySupport: {
    id: string;
    actingAs: string;
    machtigingScope: string[];
    name: { givenName: string; familyName: string };
    trajectories: {
      totalCount: number;
      nodes: {
        id: string;
        organization: { id: string };
        legalDomain: string;
        journeyPhase: string;
        contactPerson: { name: string; organization: { id: string } };
      }[];
    };
    consents: {
      totalCount: number;
      nodes: { id: string; sharingOrganization: { id: string }; givenBy: string; recordedHow: string; status: string; version: number }[];
    };
    accessLog: {
      nodes: {
        action: string;
        outcome: string;
        organization: { id: string };
        role: string;
        onBehalfOf: string | null;
        authorizationGround: string;
        accessPoint: string;
        userId: string;
      }[];
    };
  } | null;
}

const GIVE = `mutation Give($input: GiveConsentInput!) { giveConsent(input: $input) { consent { id status givenBy recordedHow version sharingOrganization { id } } } }`;
const REVOKE_MINE = `mutation RevokeMine($input: RevokeConsentInput!) { revokeMyConsent(input: $input) { consent { id status version } } }`;
const CHANGE_PERIOD = `mutation ChangePeriod($input: ChangeConsentPeriodInput!) { changeConsentPeriod(input: $input) { consent { id status validUntil version } } }`;
const CORRECTION = `mutation Correct($input: RequestCorrectionInput!) { requestCorrection(input: $input) { correctionRequest { id organization { id } description } } }`;
const READ_CLIENT = `query ReadClient($id: ID!) { client(id: $id) { id name { familyName } } }`;

const codes = (r: GraphQLResult<unknown>) => (r.body.errors ?? []).map((e) => e.extensions?.code);
/** Nothing of the answer holds Bert's name, BSN or ids. */
function expectNothingOfBert(r: GraphQLResult<unknown>) {
  const text = JSON.stringify(r.body);
  for (const secret of ['Bertels', bert.bsn, bert.id, bert.trajectory, bert.consentId, bert.referralId]) expect(text).not.toContain(secret);
}

beforeAll(async () => {
  hub = await startTestHub({ env: REFERRAL_TEST_ENV, captureLogs: true });
  gemeente = await buildOrg(hub, 'GEMEENTE', { gemeenteCode: 'GM0363' });
  zorgkantoor = await buildOrg(hub, 'ZORGKANTOOR', { zorgkantoorregio: 'ZK02' });
  gemeenteToken = await gemeente.token(['CLIENTONDERSTEUNER']);
  zorgkantoorToken = await zorgkantoor.token(['ZORGBEMIDDELAAR', 'CLIENTONDERSTEUNER']);
  const a = await registerClient(hub, gemeenteToken, { name: { givenName: 'Anna', familyName: 'Annema' } });
  const aWmo = await openTrajectory(hub, gemeenteToken, a.id);
  const aWlz = await openTrajectory(hub, zorgkantoorToken, a.id, { bsn: a.bsn, legalDomain: 'WLZ', journeyPhase: 'AFTER_INDICATION' });
  anna = { ...a, trajectories: [aWmo.id, aWlz.id], token: await hub.clientTokenFor({ bsn: a.bsn, name: 'Anna Annema' }) };
  await recordConsent(hub, gemeenteToken, {
    clientId: a.id,
    receivingOrganizationId: zorgkantoor.id,
    categories: ['IDENTITY', 'HANDOVER', 'QUESTION'],
    purpose: 'WARM_HANDOVER',
  });
  annaReferralId = dataOf<{ createReferral: { referral: { id: string } } }>(
    await hub.graphql(
      CREATE_REFERRAL,
      { input: referralInput({ clientId: a.id, trajectoryId: aWmo.id, toOrganizationId: zorgkantoor.id }) },
      { token: gemeenteToken },
    ),
  ).createReferral.referral.id;
  const b = await registerClient(hub, gemeenteToken, { name: { givenName: 'Bert', familyName: 'Bertels' } });
  const bWmo = await openTrajectory(hub, gemeenteToken, b.id);
  const bConsent = await recordConsent(hub, gemeenteToken, {
    clientId: b.id,
    receivingOrganizationId: zorgkantoor.id,
    categories: ['IDENTITY', 'HANDOVER', 'QUESTION'],
    purpose: 'WARM_HANDOVER',
  });
  const referral = dataOf<{ createReferral: { referral: { id: string } } }>(
    await hub.graphql(
      CREATE_REFERRAL,
      { input: referralInput({ clientId: b.id, trajectoryId: bWmo.id, toOrganizationId: zorgkantoor.id }) },
      { token: gemeenteToken },
    ),
  );
  bert = {
    ...b,
    trajectory: bWmo.id,
    consentId: bConsent.id,
    referralId: referral.createReferral.referral.id,
    token: await hub.clientTokenFor({ bsn: b.bsn }),
  };
}, 120_000);

afterAll(async () => {
  await hub?.stop();
});

describe('the client reads their own support', () => {
  it('sees their trajectories at every organisation with phase and contact person, and nothing of another client', async () => {
    const res = await hub.graphql<MySupportData>(MY_SUPPORT, undefined, { token: anna.token });
    const me = dataOf(res).mySupport;
    expect(me?.id).toBe(anna.id);
    expect(me?.actingAs).toBe('CLIENT');
    expect(me?.name.familyName).toBe('Annema');
    expect(me?.trajectories.totalCount).toBe(2);
    expect(new Set(me?.trajectories.nodes.map((t) => t.organization.id))).toEqual(new Set([gemeente.id, zorgkantoor.id]));
    expect(me?.trajectories.nodes.find((t) => t.legalDomain === 'WLZ')).toMatchObject({
      journeyPhase: 'AFTER_INDICATION',
      contactPerson: { name: 'Test Medewerker' },
    });
    expectNothingOfBert(res);
  });

  it('sees the state of their handover in progress, not the handovers of another client', async () => {
    const res = await hub.graphql<{
      mySupport: {
        handoversInProgress: {
          totalCount: number;
          nodes: { id: string; status: string; fromOrganization: { id: string }; toOrganization: { id: string }; respondBy: string | null }[];
        };
      };
    }>(
      `query MyHandovers { mySupport { handoversInProgress { totalCount nodes { id kind status fromOrganization { id } toOrganization { id } sentAt respondBy jointMeetingPlannedAt } } } }`,
      undefined,
      { token: anna.token },
    );
    const handovers = dataOf(res).mySupport.handoversInProgress;
    expect(handovers.totalCount).toBe(1);
    expect(handovers.nodes[0]).toMatchObject({
      id: annaReferralId,
      status: 'REQUESTED',
      fromOrganization: { id: gemeente.id },
      toOrganization: { id: zorgkantoor.id },
    });
    expectNothingOfBert(res);
  });

  it('answers null for a person the hub holds nothing about', async () => {
    const stranger = await hub.clientTokenFor({ bsn: demoBsn(900) });
    const res = await hub.graphql<MySupportData>(MY_SUPPORT, undefined, { token: stranger });
    expect(dataOf(res).mySupport).toBeNull();
  });

  it('refuses a client token without a BSN', async () => {
    const noBsn = await hub.clientTokenFor({});
    const res = await hub.graphql(MY_SUPPORT, undefined, { token: noBsn });
    expect(res.status).toBe(401);
    expect(codes(res)).toEqual(['UNAUTHENTICATED']);
  });

  it('the professional queries refuse the client token, so no id reaches anyone (own, other or guessed)', async () => {
    for (const id of [anna.id, bert.id, randomUUID(), randomUUID()]) {
      const res = await hub.graphql<{ client: unknown }>(READ_CLIENT, { id }, { token: anna.token });
      expect(res.body.data?.client ?? null).toBeNull();
      expect(codes(res)).toEqual(['FORBIDDEN']);
      expectNothingOfBert(res);
    }
    const attempts = [
      [`query { trajectory(id: "${bert.trajectory}") { id hulpvraag } }`, 'trajectory'],
      [`query($bsn: String!) { findClientByBsn(bsn: $bsn, purpose: PRIVACY_REQUEST) { id } }`, 'findClientByBsn'],
      [`query { myTrajectories { nodes { id } } }`, 'myTrajectories'],
      [`query { referral(id: "${bert.referralId}") { id client { id } } }`, 'referral'],
      [`query { referrals(box: INBOX) { nodes { id } } }`, 'referrals'],
      [`query { referralEvents { events { id type } } }`, 'referralEvents'],
      [`query { mySignals { edges { cursor } } }`, 'mySignals'],
      [`query { correctionRequests { nodes { id description } } }`, 'correctionRequests'],
      [`query { breakGlassReviews { nodes { id clientId reason } } }`, 'breakGlassReviews'],
    ] as const;
    for (const [query, field] of attempts) {
      const res = await hub.graphql<Record<string, unknown>>(query, { bsn: bert.bsn }, { token: anna.token });
      expect(res.body.data?.[field] ?? null, field).toBeNull();
      expect(codes(res).length, field).toBeGreaterThan(0);
      expect(
        codes(res).every((c) => c === 'FORBIDDEN' || c === 'BAD_USER_INPUT'),
        `${field}: ${JSON.stringify(codes(res))}`,
      ).toBe(true);
      expectNothingOfBert(res);
    }
  });

  it('a direct _entities call with the gateway secret and the client token reaches no client, trajectory or referral', async () => {
    const cases = await hub.directSubgraphRequest(
      'cases',
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Client { id name { familyName } } ... on SupportTrajectory { id hulpvraag } } }`,
      {
        secret: hub.subgraphSecrets.cases,
        token: anna.token,
        variables: {
          r: [
            { __typename: 'Client', id: bert.id, purpose: 'INTEGRATED_SUPPORT' },
            { __typename: 'Client', id: anna.id, purpose: 'PRIVACY_REQUEST' },
            { __typename: 'SupportTrajectory', id: bert.trajectory, purpose: 'INTEGRATED_SUPPORT' },
            { __typename: 'Client', id: randomUUID(), purpose: 'INTEGRATED_SUPPORT' },
          ],
        },
      },
    );
    expect(JSON.stringify(cases.body.data ?? null)).not.toContain('familyName":"');
    expect(codes(cases)).toContain('FORBIDDEN');
    expectNothingOfBert(cases);
    const referrals = await hub.directSubgraphRequest('referrals', `query($r: [_Any!]!) { _entities(representations: $r) { ... on Referral { id status } } }`, {
      secret: hub.subgraphSecrets.referrals,
      token: anna.token,
      variables: { r: [{ __typename: 'Referral', id: bert.referralId }] },
    });
    const entities = (referrals.body.data as { _entities?: unknown[] } | null | undefined)?._entities ?? [];
    expect(entities.every((e) => e === null)).toBe(true);
    expect(JSON.stringify(referrals.body.data ?? null)).not.toContain('status');
  });

  it("cannot revoke, re-period or see another client's consent, nor send a correction or consent through an organisation that does not support them", async () => {
    const revoke = await hub.graphql(REVOKE_MINE, { input: { id: bert.consentId, expectedVersion: 1 } }, { token: anna.token });
    expect(codes(revoke)).toEqual(['NOT_FOUND']);
    const change = await hub.graphql(
      CHANGE_PERIOD,
      { input: { id: bert.consentId, expectedVersion: 1, validUntil: '2099-01-01T00:00:00Z' } },
      { token: anna.token },
    );
    expect(codes(change)).toEqual(['NOT_FOUND']);
    const stranger = await buildOrg(hub, 'OCO');
    const give = await hub.graphql(
      GIVE,
      { input: { sharingOrganizationId: stranger.id, receivingOrganizationId: gemeente.id, categories: ['IDENTITY'], purpose: 'INTEGRATED_SUPPORT' } },
      { token: anna.token },
    );
    expect(codes(give)).toEqual(['BAD_USER_INPUT']);
    const correct = await hub.graphql(CORRECTION, { input: { organizationId: stranger.id, description: 'Mijn adres klopt niet.' } }, { token: anna.token });
    expect(codes(correct)).toEqual(['BAD_USER_INPUT']);
    const otherTrajectory = await hub.graphql(
      CORRECTION,
      { input: { organizationId: gemeente.id, trajectoryId: bert.trajectory, description: 'Mijn adres klopt niet.' } },
      { token: anna.token },
    );
    expect(codes(otherTrajectory)).toEqual(['NOT_FOUND']);
    // Bert's consent is untouched.
    const bertView = dataOf(await hub.graphql<MySupportData>(MY_SUPPORT, undefined, { token: bert.token })).mySupport;
    expect(bertView?.consents.nodes.find((c) => c.id === bert.consentId)?.status).toBe('ACTIVE');
  });

  it('a professional cannot use the client view', async () => {
    const res = await hub.graphql(MY_SUPPORT, undefined, { token: gemeenteToken });
    expect(codes(res)).toEqual(['FORBIDDEN']);
    const anonymous = await hub.graphql(MY_SUPPORT);
    expect(codes(anonymous)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('the client manages consent', () => {
  it('gives a consent that opens data from the next request, changes its period, revokes it; every step logged', async () => {
    const oco = await buildOrg(hub, 'OCO');
    const ocoToken = await oco.token(['CLIENTONDERSTEUNER']);
    const before = await hub.graphql<{ client: unknown }>(READ_CLIENT, { id: anna.id }, { token: ocoToken });
    expect(before.body.data?.client ?? null).toBeNull();

    const given = dataOf<{
      giveConsent: { consent: { id: string; status: string; givenBy: string; recordedHow: string; version: number; sharingOrganization: { id: string } } };
    }>(
      await hub.graphql(
        GIVE,
        { input: { sharingOrganizationId: gemeente.id, receivingOrganizationId: oco.id, categories: ['IDENTITY'], purpose: 'INTEGRATED_SUPPORT' } },
        { token: anna.token },
      ),
    ).giveConsent.consent;
    expect(given).toMatchObject({ status: 'ACTIVE', givenBy: 'CLIENT', recordedHow: 'DIGITAL', sharingOrganization: { id: gemeente.id } });
    const opened = dataOf<{ client: { name: { familyName: string } } }>(await hub.graphql(READ_CLIENT, { id: anna.id }, { token: ocoToken }));
    expect(opened.client.name.familyName).toBe('Annema');

    const changed = dataOf<{ changeConsentPeriod: { consent: { id: string; status: string; validUntil: string; version: number } } }>(
      await hub.graphql(
        CHANGE_PERIOD,
        { input: { id: given.id, expectedVersion: given.version, validUntil: '2099-06-01T00:00:00.000Z' } },
        { token: anna.token },
      ),
    ).changeConsentPeriod.consent;
    expect(changed.id).not.toBe(given.id);
    expect(changed).toMatchObject({ status: 'ACTIVE', validUntil: '2099-06-01T00:00:00.000Z' });
    expect(dataOf<{ client: { id: string } }>(await hub.graphql(READ_CLIENT, { id: anna.id }, { token: ocoToken })).client.id).toBe(anna.id);

    dataOf(await hub.graphql(REVOKE_MINE, { input: { id: changed.id, expectedVersion: changed.version } }, { token: anna.token }));
    const after = await hub.graphql<{ client: unknown }>(READ_CLIENT, { id: anna.id }, { token: ocoToken });
    expect(after.body.data?.client ?? null).toBeNull();

    const me = dataOf(await hub.graphql<MySupportData>(MY_SUPPORT, undefined, { token: anna.token })).mySupport;
    const statuses = me?.consents.nodes.filter((c) => c.sharingOrganization.id === gemeente.id && c.recordedHow === 'DIGITAL').map((c) => c.status);
    expect(statuses).toEqual(['REVOKED', 'REVOKED']);
    const log = me?.accessLog.nodes ?? [];
    // The organisation's read under the client's own consent, and the client's own changes, all in the overview.
    expect(log.some((l) => l.organization.id === oco.id && l.outcome === 'GRANTED' && l.authorizationGround.startsWith('CONSENT:'))).toBe(true);
    expect(log.some((l) => l.organization.id === oco.id && l.outcome === 'REFUSED') || log.filter((l) => l.organization.id === oco.id).length >= 2).toBe(true);
    for (const field of ['Mutation.giveConsent', 'Mutation.changeConsentPeriod', 'Mutation.revokeMyConsent']) {
      expect(log.some((l) => l.accessPoint.endsWith(field) && l.role === 'CLIENT' && l.authorizationGround === 'CLIENT_SELF')).toBe(true);
    }
  });

  it('a representative under a machtiging reads with READ, is refused without CONSENT, and is logged as such', async () => {
    const rep = await hub.clientTokenFor({ subject: 'rep-of-anna', bsn: demoBsn(901), machtiging: { bsn: anna.bsn, scope: ['READ'] } });
    const view = dataOf(await hub.graphql<MySupportData>(MY_SUPPORT, undefined, { token: rep })).mySupport;
    expect(view).toMatchObject({ id: anna.id, actingAs: 'REPRESENTATIVE', machtigingScope: ['READ'] });
    const give = await hub.graphql(
      GIVE,
      { input: { sharingOrganizationId: gemeente.id, receivingOrganizationId: zorgkantoor.id, categories: ['IDENTITY'], purpose: 'INTEGRATED_SUPPORT' } },
      { token: rep },
    );
    expect(codes(give)).toEqual(['FORBIDDEN']);
    const exportRes = await hub.graphql(`query { myDataExport { json } }`, undefined, { token: rep });
    expect(codes(exportRes)).toEqual(['FORBIDDEN']);
    const me = dataOf(await hub.graphql<MySupportData>(MY_SUPPORT, undefined, { token: anna.token })).mySupport;
    const line = me?.accessLog.nodes.find((l) => l.userId === 'rep-of-anna');
    expect(line).toMatchObject({ role: 'CLIENT', onBehalfOf: 'CLIENT:MACHTIGING:READ', authorizationGround: 'MACHTIGING' });
  });
});

describe("the client's data", () => {
  it('downloads a copy of everything held about them, logged as EXPORT, with nothing of another client', async () => {
    const res = await hub.graphql<{ myDataExport: { fileName: string; json: string } }>(
      `query Export { myDataExport { generatedAt fileName json } }`,
      undefined,
      {
        token: anna.token,
      },
    );
    const exported = dataOf(res).myDataExport;
    expect(exported.fileName).toMatch(/^mijn-gegevens-\d{4}-\d{2}-\d{2}\.json$/);
    const doc = JSON.parse(exported.json) as {
      client: { id: string; familyName: string };
      trajectories: { id: string }[];
      consents: unknown[];
      accessLog: unknown[];
    };
    expect(doc.client).toMatchObject({ id: anna.id, familyName: 'Annema' });
    expect(doc.trajectories.map((t) => t.id).sort()).toEqual([...anna.trajectories].sort());
    expect(exported.json).not.toContain(anna.bsn);
    expectNothingOfBert(res);
    const me = dataOf(await hub.graphql<MySupportData>(MY_SUPPORT, undefined, { token: anna.token })).mySupport;
    expect(me?.accessLog.nodes.some((l) => l.action === 'EXPORT' && l.accessPoint.endsWith('Query.myDataExport'))).toBe(true);
  });

  it("asks for a correction, which lands in the owning organisation's list only", async () => {
    const sent = dataOf<{ requestCorrection: { correctionRequest: { id: string } } }>(
      await hub.graphql(
        CORRECTION,
        { input: { organizationId: zorgkantoor.id, trajectoryId: anna.trajectories[1], description: 'Mijn zorgprofiel klopt niet.' } },
        { token: anna.token },
      ),
    ).requestCorrection.correctionRequest;
    const list = `query { correctionRequests { nodes { id clientId description organization { id } } } }`;
    const zk = dataOf<{ correctionRequests: { nodes: { id: string; clientId: string }[] } }>(await hub.graphql(list, undefined, { token: zorgkantoorToken }));
    expect(zk.correctionRequests.nodes).toContainEqual(expect.objectContaining({ id: sent.id, clientId: anna.id }));
    const gm = dataOf<{ correctionRequests: { nodes: { id: string }[] } }>(await hub.graphql(list, undefined, { token: gemeenteToken }));
    expect(gm.correctionRequests.nodes.map((n) => n.id)).not.toContain(sent.id);
    const withBsn = await hub.graphql(
      CORRECTION,
      { input: { organizationId: gemeente.id, description: `Mijn BSN ${anna.bsn} staat verkeerd.` } },
      { token: anna.token },
    );
    expect(codes(withBsn)).toEqual(['BAD_USER_INPUT']);
    expect(JSON.stringify(withBsn.body)).not.toContain(anna.bsn);
  });
});

describe('logs', () => {
  it("name a real organisation on every line of the client's overview, the client's own lines that of the data", async () => {
    const res = await hub.graphql<{
      mySupport: { accessLog: { nodes: { role: string; accessPoint: string; organization: { id: string; name: string } | null }[] } } | null;
    }>(`query Overview { mySupport { accessLog(first: 100) { nodes { role accessPoint organization { id name } } } } }`, undefined, { token: anna.token });
    const nodes = dataOf(res).mySupport?.accessLog.nodes ?? [];
    expect(nodes.length).toBeGreaterThan(5);
    expect(nodes.every((n) => typeof n.organization?.name === 'string')).toBe(true);
    const own = nodes.filter((n) => n.role === 'CLIENT');
    expect(own.find((n) => n.accessPoint.endsWith('Mutation.giveConsent'))?.organization?.id).toBe(gemeente.id);
    expect(own.find((n) => n.accessPoint.endsWith('Mutation.requestCorrection'))?.organization?.id).toBe(zorgkantoor.id);
  });

  it("never hold a client's BSN, though it travels in every client token", () => {
    const logs = hub.logText();
    expect(logs.length).toBeGreaterThan(0);
    for (const bsn of [anna.bsn, bert.bsn]) expect(logs).not.toContain(bsn);
  });
});
