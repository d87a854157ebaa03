import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf, sql } from '@hub/db';
import { startTestHub, type GraphQLBody, type TestHub } from '@hub/testing';
import { consent } from '../../subgraphs/cases/src/db/schema.ts';
import {
  buildOrg,
  dataOf,
  openTrajectory,
  recordConsent,
  registerClient,
  REVOKE_CONSENT,
  UPDATE_TRAJECTORY,
  type TestOrg,
} from '../../subgraphs/cases/test/builders.ts';
import { CREATE_REFERRAL, REFERRAL_TEST_ENV, recordHandoverConsent, referralInput } from '../../subgraphs/referrals/test/helpers.ts';

/**
 * An organisation that holds an old consent (revoked, expired, not yet valid, another purpose) tries to turn it into
 * ownership, reads what only owners read, and an organisation that records a consent addressed to itself tries to
 * open another organisation's trajectory. Through the gateway and straight at the cases subgraph with `_entities`.
 */

let hub: TestHub;
let holder: TestOrg;
let holderToken: string;
let clientId: string;
let clientBsn: string;
let trajectoryId: string;
const attackers = {} as Record<'revoked' | 'expired' | 'pending' | 'otherPurpose', TestOrg>;
let readsIdentity: TestOrg;
/** The holder's consents, with the organisation each one names. */
let holderConsents: { id: string; receiver: string }[] = [];

const OPEN = `mutation Open($input: OpenTrajectoryInput!) { openTrajectory(input: $input) { trajectory { id } } }`;
const ENTITIES = `query Entities($r: [_Any!]!) {
  _entities(representations: $r) {
    ... on Client { id bsn name { familyName } contact { phone } network { name } }
    ... on SupportTrajectory { id status targetGroups legalDomain organization { id } plan goals { description } contactMoments { nodes { summary } } }
  }
}`;

const openInput = (id: string, extra: Record<string, unknown> = {}) => ({
  clientId: id,
  legalDomain: 'WMO_MAATWERKVOORZIENING',
  journeyPhase: 'BEFORE_INDICATION',
  hulpvraag: 'Ik wil ondersteuning.',
  ...extra,
});

const errorShape = (body: GraphQLBody) =>
  (body.errors ?? []).map((e) => JSON.stringify([e.path, e.extensions?.code, e.message, Object.keys(e.extensions ?? {}).sort()]));
const codes = (body: GraphQLBody) => (body.errors ?? []).map((e) => e.extensions?.code);

async function count(table: string): Promise<number> {
  return rowsOf<{ n: number }>(await hub.database.db.execute(sql.raw(`select count(*)::int as n from cases.${table}`)))[0]?.n ?? 0;
}

interface LogRow {
  action: string;
  outcome: string;
  data_categories: string[];
  authorization_ground: string;
  consent_id: string | null;
  outcome_reason: string | null;
}
async function linesOf(subject: string, client = clientId): Promise<LogRow[]> {
  return rowsOf<LogRow>(
    await hub.database.db.execute(
      sql`select action, outcome, data_categories, authorization_ground, consent_id, outcome_reason from cases.access_log
          where user_id = ${subject} and client_id = ${client}::uuid order by occurred_at, event_id`,
    ),
  );
}

const entities = (token: string, representations: Record<string, unknown>[]) =>
  hub.directSubgraphRequest<{ _entities: (Record<string, unknown> | null)[] }>('cases', ENTITIES, {
    secret: hub.subgraphSecrets.cases,
    token,
    variables: { r: representations },
  });

beforeAll(async () => {
  hub = await startTestHub({ env: REFERRAL_TEST_ENV });
  holder = await buildOrg(hub, 'GEMEENTE', { gemeenteCode: 'GM0363' });
  holderToken = await holder.token();
  const c = await registerClient(hub, holderToken, {
    network: [{ name: 'Wettelijk Vertegenwoordiger', role: 'WETTELIJK_VERTEGENWOORDIGER', mayActForClient: true, contact: { phone: '020-5550000' } }],
  });
  clientId = c.id;
  clientBsn = c.bsn;
  const t = await openTrajectory(hub, holderToken, clientId, { targetGroups: ['PSYCHISCHE_KWETSBAARHEID'] });
  trajectoryId = t.id;
  dataOf(
    await hub.graphql(
      UPDATE_TRAJECTORY,
      {
        input: {
          id: t.id,
          expectedVersion: t.version,
          plan: 'Grip op de dag houden.',
          goals: [{ description: 'Weer naar de dagbesteding', status: 'OPEN' }],
          addContactMoments: [{ occurredAt: '2026-01-10T10:00:00Z', channel: 'PHONE', summary: 'Slecht geslapen, angstig.' }],
        },
      },
      { token: holderToken },
    ),
  );
  const all = ['IDENTITY', 'CONTACT', 'NETWORK', 'QUESTION', 'PLAN', 'CONTACT_MOMENTS', 'HANDOVER'];
  for (const k of ['revoked', 'expired', 'pending', 'otherPurpose'] as const) attackers[k] = await buildOrg(hub, 'OCO');
  const give = (org: TestOrg, extra: Record<string, unknown> = {}) =>
    recordConsent(hub, holderToken, { clientId, receivingOrganizationId: org.id, categories: all, ...extra });
  const toRevoke = await give(attackers.revoked);
  dataOf(await hub.graphql(REVOKE_CONSENT, { id: toRevoke.id, expectedVersion: toRevoke.version }, { token: holderToken }));
  const expired = await give(attackers.expired, { validFrom: '2020-01-01T00:00:00Z', validUntil: '2021-01-01T00:00:00Z' });
  const pending = await give(attackers.pending, { validFrom: '2099-01-01T00:00:00Z' });
  const otherPurpose = await give(attackers.otherPurpose, { purpose: 'CARE_MEDIATION' });
  readsIdentity = await buildOrg(hub, 'OCO');
  const identity = await give(readsIdentity, { categories: ['IDENTITY'] });
  holderConsents = [
    { id: toRevoke.id, receiver: attackers.revoked.id },
    { id: expired.id, receiver: attackers.expired.id },
    { id: pending.id, receiver: attackers.pending.id },
    { id: otherPurpose.id, receiver: attackers.otherPurpose.id },
    { id: identity.id, receiver: readsIdentity.id },
  ];
});

afterAll(async () => {
  await hub?.stop();
});

describe('1. an old consent never becomes ownership', () => {
  it.each(['revoked', 'expired', 'pending', 'otherPurpose'] as const)(
    'an organisation with a %s consent cannot open a trajectory without the BSN, and hears what an unknown id gets',
    async (k) => {
      const token = await attackers[k].token();
      const before = await count('trajectory');
      const attempt = await hub.graphql(OPEN, { input: openInput(clientId) }, { token });
      const unknown = await hub.graphql(OPEN, { input: openInput(randomUUID()) }, { token });
      expect(codes(attempt.body)).toEqual(['NOT_FOUND']);
      expect(errorShape(attempt.body)).toEqual(errorShape(unknown.body));
      expect(attempt.body.data).toEqual(unknown.body.data);
      expect(await count('trajectory')).toBe(before);
    },
  );

  it.each(['revoked', 'expired', 'pending', 'otherPurpose'] as const)(
    'an organisation with a %s consent sees nothing: no client, no trajectory, no change, no revocation, no access log',
    async (k) => {
      const subject = `attacker-${k}-${randomUUID()}`;
      const token = await attackers[k].token(['CLIENTONDERSTEUNER'], subject);
      const read = await hub.graphql(
        `query($c: ID!, $t: ID!) { client(id: $c) { id bsn name { familyName } contact { phone } network { name } trajectories { nodes { id targetGroups } } consents { nodes { id } } }
          trajectory(id: $t) { id status targetGroups plan } }`,
        { c: clientId, t: trajectoryId },
        { token },
      );
      expect(read.body.data ?? null).toEqual({ client: null, trajectory: null });
      expect(codes(read.body).sort()).toEqual(['NOT_FOUND', 'NOT_FOUND']);
      const direct = await entities(token, [
        { __typename: 'Client', id: clientId },
        { __typename: 'SupportTrajectory', id: trajectoryId },
        { __typename: 'Client', id: clientId, purpose: 'INTEGRATED_SUPPORT' },
      ]);
      expect(direct.body.data?._entities).toEqual([null, null, null]);
      const update = await hub.graphql(
        `mutation($id: ID!) { updateClient(input: { id: $id, expectedVersion: 1, preferredContactChannel: EMAIL }) { client { id } } }`,
        { id: clientId },
        { token },
      );
      // The other-purpose consent is active for its own purpose (CARE_MEDIATION): its receiver knows the client, may
      // not change it.
      expect(codes(update.body)).toEqual(k === 'otherPurpose' ? ['FORBIDDEN'] : ['NOT_FOUND']);
      for (const c of holderConsents) {
        // A receiver may give up its own consent while it is active; that is not an attack.
        if (k === 'otherPurpose' && c.receiver === attackers.otherPurpose.id) continue;
        const revoke = await hub.graphql(REVOKE_CONSENT, { id: c.id, expectedVersion: 1 }, { token });
        expect(codes(revoke.body), c.id).toEqual(['NOT_FOUND']);
      }
      const officer = await attackers[k].token(['PRIVACY_OFFICER']);
      const log = await hub.graphql(
        `query($c: ID!) { client(id: $c) { accessLog(from: "2000-01-01T00:00:00Z", to: "2100-01-01T00:00:00Z") { edges { node { eventId } } } } }`,
        { c: clientId },
        { token: officer },
      );
      expect(log.body.data?.client ?? null).toBeNull();
      expect(await linesOf(subject)).toEqual([]);
    },
  );

  it('an active consent lets its receiver read, never own: no trajectory without the BSN, no change, no access log', async () => {
    const token = await readsIdentity.token();
    const attempt = await hub.graphql(OPEN, { input: openInput(clientId) }, { token });
    expect(codes(attempt.body)).toEqual(['NOT_FOUND']);
    const update = await hub.graphql(
      `mutation($id: ID!) { updateClient(input: { id: $id, expectedVersion: 1, preferredContactChannel: EMAIL }) { client { id } } }`,
      { id: clientId },
      { token },
    );
    expect(codes(update.body)).toEqual(['FORBIDDEN']);
    const officer = await readsIdentity.token(['PRIVACY_OFFICER']);
    const log = await hub.graphql(
      `query($c: ID!) { client(id: $c) { accessLog(from: "2000-01-01T00:00:00Z", to: "2100-01-01T00:00:00Z") { edges { node { eventId } } } } }`,
      { c: clientId },
      { token: officer },
    );
    expect(codes(log.body)).toEqual(['FORBIDDEN']);
    const contact = await hub.graphql<{ client: { contact: unknown } }>(`query($c: ID!) { client(id: $c) { contact { phone } } }`, { c: clientId }, { token });
    expect(contact.body.data?.client.contact).toBeNull();
    expect(codes(contact.body)).toEqual(['CONSENT_REQUIRED']);
  });

  it('proof by the BSN makes an organisation an owner, and the line says so (BSN_PROOF)', async () => {
    const org = await buildOrg(hub, 'ZORGKANTOOR', { zorgkantoorregio: 'ZK02' });
    const subject = `bsn-proof-${randomUUID()}`;
    const token = await org.token(['ZORGBEMIDDELAAR'], subject);
    const t = await openTrajectory(hub, token, clientId, { bsn: clientBsn, legalDomain: 'WLZ', journeyPhase: 'AFTER_INDICATION' });
    expect(t.id).toBeTruthy();
    const lines = await linesOf(subject);
    expect(lines).toEqual([expect.objectContaining({ action: 'CREATE', outcome: 'GRANTED', authorization_ground: 'BSN_PROOF' })]);
  });

  it('refuses a consent that addresses its own recorder, also as an organisation type in its region', async () => {
    const org = await buildOrg(hub, 'ZORGKANTOOR', { zorgkantoorregio: 'ZK02' });
    const token = await org.token(['ZORGBEMIDDELAAR']);
    await openTrajectory(hub, token, clientId, { bsn: clientBsn, legalDomain: 'WLZ', journeyPhase: 'AFTER_INDICATION' });
    const before = await count('consent');
    const base = { clientId, categories: ['PLAN', 'CONTACT_MOMENTS', 'QUESTION'], purpose: 'INTEGRATED_SUPPORT', givenBy: 'CLIENT', recordedHow: 'VERBAL' };
    const byType = await hub.graphql(
      `mutation($input: RecordConsentInput!) { recordConsent(input: $input) { consent { id } } }`,
      { input: { ...base, receivingOrganizationType: 'ZORGKANTOOR', receivingRegionCode: 'ZK02' } },
      { token },
    );
    expect(byType.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.receivingOrganizationType' });
    const byId = await hub.graphql(
      `mutation($input: RecordConsentInput!) { recordConsent(input: $input) { consent { id } } }`,
      { input: { ...base, receivingOrganizationId: org.id } },
      { token },
    );
    expect(byId.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.receivingOrganizationId' });
    expect(await count('consent')).toBe(before);
    const plan = await hub.graphql(
      `query($t: ID!) { trajectory(id: $t) { plan goals { description } contactMoments { nodes { summary } } } }`,
      { t: trajectoryId },
      { token },
    );
    expect(plan.body.data?.trajectory ?? null).toBeNull();
    expect(codes(plan.body)).toEqual(['NOT_FOUND']);
  });

  it("a self-addressed consent that is in the database anyway opens nothing of another organisation's plan", async () => {
    const org = await buildOrg(hub, 'ZORGKANTOOR', { zorgkantoorregio: 'ZK02' });
    const token = await org.token(['ZORGBEMIDDELAAR']);
    await openTrajectory(hub, token, clientId, { bsn: clientBsn, legalDomain: 'WLZ', journeyPhase: 'AFTER_INDICATION' });
    await hub.database.db.insert(consent).values({
      id: randomUUID(),
      clientId,
      receivingOrganizationType: 'ZORGKANTOOR',
      receivingRegionCode: 'ZK02',
      categories: ['PLAN', 'CONTACT_MOMENTS', 'QUESTION', 'HANDOVER'],
      purpose: 'INTEGRATED_SUPPORT',
      validFrom: new Date('2020-01-01T00:00:00Z'),
      givenBy: 'CLIENT',
      recordedHow: 'VERBAL',
      recordedByUserId: 'someone',
      recordedByOrganizationId: org.id,
    });
    const gateway = await hub.graphql<{ client: { trajectories: { nodes: { id: string }[] } } | null; trajectory: unknown }>(
      `query($c: ID!, $t: ID!) { client(id: $c) { trajectories { nodes { id } } } trajectory(id: $t) { plan goals { description } contactMoments { nodes { summary } } } }`,
      { c: clientId, t: trajectoryId },
      { token },
    );
    expect(gateway.body.data?.trajectory ?? null).toBeNull();
    expect(gateway.body.data?.client?.trajectories.nodes.map((t) => t.id)).not.toContain(trajectoryId);
    const direct = await entities(token, [{ __typename: 'SupportTrajectory', id: trajectoryId }]);
    expect(direct.body.data?._entities).toEqual([null]);
  });

  it("a consent opens the data of the organisation that recorded it, never another organisation's trajectory", async () => {
    const other = await buildOrg(hub, 'ZORGKANTOOR', { zorgkantoorregio: 'ZK02' });
    const otherToken = await other.token(['ZORGBEMIDDELAAR']);
    await openTrajectory(hub, otherToken, clientId, { bsn: clientBsn, legalDomain: 'WLZ', journeyPhase: 'AFTER_INDICATION' });
    const reader = await buildOrg(hub, 'OCO');
    await recordConsent(hub, otherToken, {
      clientId,
      receivingOrganizationId: reader.id,
      categories: ['IDENTITY', 'PLAN', 'QUESTION', 'CONTACT_MOMENTS', 'HANDOVER'],
    });
    const token = await reader.token();
    const view = await hub.graphql<{ client: { name: { familyName: string } | null; trajectories: { nodes: { id: string; plan: string | null }[] } } }>(
      `query($c: ID!) { client(id: $c) { name { familyName } trajectories { nodes { id plan } } } }`,
      { c: clientId },
      { token },
    );
    expect(view.body.data?.client.name?.familyName).toBe('Proefpersoon');
    expect(view.body.data?.client.trajectories.nodes.map((t) => t.id)).not.toContain(trajectoryId);
    expect(view.body.data?.client.trajectories.nodes).toHaveLength(1);
    const direct = await entities(token, [{ __typename: 'SupportTrajectory', id: trajectoryId }]);
    expect(direct.body.data?._entities).toEqual([null]);
  });

  it("a warm handover cannot rely on a consent another organisation recorded: the sender's data needs the sender's consent", async () => {
    const c = await registerClient(hub, holderToken);
    const t = await openTrajectory(hub, holderToken, c.id);
    const other = await buildOrg(hub, 'ZORGKANTOOR', { zorgkantoorregio: 'ZK02' });
    const otherToken = await other.token(['ZORGBEMIDDELAAR']);
    await openTrajectory(hub, otherToken, c.id, { bsn: c.bsn, legalDomain: 'WLZ', journeyPhase: 'AFTER_INDICATION' });
    const receiver = await buildOrg(hub, 'OCO');
    await recordHandoverConsent(hub, { organizationId: other.id, token: otherToken }, c.id, receiver.id);
    const sent = await hub.graphql(
      CREATE_REFERRAL,
      { input: referralInput({ clientId: c.id, trajectoryId: t.id, toOrganizationId: receiver.id }) },
      { token: holderToken },
    );
    expect(codes(sent.body)).toEqual(['CONSENT_REQUIRED']);
  });

  it('the receiver of an accepted warm handover opens its own trajectory with the referral id, only while its consent is active', async () => {
    const receiver = await buildOrg(hub, 'ZORGKANTOOR', { zorgkantoorregio: 'ZK02' });
    const receiverSubject = `receiver-${randomUUID()}`;
    const receiverToken = await receiver.token(['ZORGBEMIDDELAAR'], receiverSubject);
    const bystander = await buildOrg(hub, 'OCO');
    const sender = { organizationId: holder.id, token: holderToken };
    const handover = async () => {
      const c = await registerClient(hub, holderToken);
      const t = await openTrajectory(hub, holderToken, c.id);
      const given = await recordHandoverConsent(hub, sender, c.id, receiver.id);
      const sent = dataOf(
        await hub.graphql<{ createReferral: { referral: { id: string; version: number } } }>(
          CREATE_REFERRAL,
          { input: referralInput({ clientId: c.id, trajectoryId: t.id, toOrganizationId: receiver.id }) },
          { token: holderToken },
        ),
      ).createReferral.referral;
      return { clientId: c.id, consent: given, referral: sent };
    };
    const open = (token: string, c: string, referralId: string) =>
      hub.graphql(OPEN, { input: openInput(c, { legalDomain: 'WLZ', handoverReferralId: referralId }) }, { token });
    const accept = async (r: { id: string; version: number }) =>
      dataOf(
        await hub.graphql(
          `mutation($input: AcceptReferralInput!) { acceptReferral(input: $input) { referral { id } } }`,
          { input: { id: r.id, expectedVersion: r.version } },
          { token: receiverToken },
        ),
      );

    const a = await handover();
    expect(codes((await open(receiverToken, a.clientId, a.referral.id)).body)).toEqual(['NOT_FOUND']);
    await accept(a.referral);
    expect(codes((await open(await bystander.token(), a.clientId, a.referral.id)).body)).toEqual(['NOT_FOUND']);
    const opened = await open(receiverToken, a.clientId, a.referral.id);
    expect(opened.body.errors ?? []).toEqual([]);
    const lines = await linesOf(receiverSubject, a.clientId);
    // The attempt before accepting is logged as refused; the one after as granted on the handover and its consent.
    expect(lines.filter((l) => l.action === 'CREATE')).toEqual([
      expect.objectContaining({ outcome: 'REFUSED', outcome_reason: 'NO_RELATION' }),
      expect.objectContaining({ outcome: 'GRANTED', authorization_ground: `WARM_HANDOVER:${a.referral.id}`, consent_id: a.consent.id }),
    ]);

    const b = await handover();
    await accept(b.referral);
    dataOf(await hub.graphql(REVOKE_CONSENT, { id: b.consent.id, expectedVersion: b.consent.version }, { token: holderToken }));
    expect(codes((await open(receiverToken, b.clientId, b.referral.id)).body)).toEqual(['NOT_FOUND']);
    // Another client's referral does not open this one.
    expect(codes((await open(receiverToken, b.clientId, a.referral.id)).body)).toEqual(['NOT_FOUND']);
  });
});

describe("3. metadata of another organisation's trajectory is gated and logged", () => {
  it('gates target groups, legal domain and organisation under an active consent that does not cover them, and logs the read', async () => {
    const subject = `meta-${randomUUID()}`;
    const token = await readsIdentity.token(['CLIENTONDERSTEUNER'], subject);
    const res = await hub.graphql<{
      client: { trajectories: { nodes: { id: string; status: string; targetGroups: unknown; legalDomain: unknown; organization: unknown }[] } };
    }>(`query($c: ID!) { client(id: $c) { trajectories { nodes { id status targetGroups legalDomain organization { id } } } } }`, { c: clientId }, { token });
    const mine = res.body.data?.client.trajectories.nodes.find((t) => t.id === trajectoryId);
    expect(mine).toMatchObject({ status: 'OPEN', targetGroups: null, legalDomain: null, organization: null });
    const refused = (res.body.errors ?? []).filter((e) => e.extensions?.code === 'CONSENT_REQUIRED').map((e) => String(e.path?.at(-1)));
    expect(new Set(refused)).toEqual(new Set(['targetGroups', 'legalDomain', 'organization']));
    const lines = await linesOf(subject);
    expect(lines.find((l) => l.outcome === 'GRANTED')).toMatchObject({ action: 'READ', authorization_ground: expect.stringContaining('CONSENT:') });
    expect(lines.find((l) => l.outcome === 'GRANTED')?.data_categories).toContain('TRAJECTORY');
    expect([...(lines.find((l) => l.outcome === 'REFUSED')?.data_categories ?? [])].sort()).toEqual(['HANDOVER', 'QUESTION']);
  });

  it('shows a revoked-consent holder no trajectory metadata, through the gateway or _entities', async () => {
    const token = await attackers.revoked.token();
    const direct = await entities(token, [{ __typename: 'SupportTrajectory', id: trajectoryId }]);
    expect(direct.body.data?._entities).toEqual([null]);
    expect(direct.body.errors ?? []).toEqual([]);
  });
});

describe('4. every read of personal data is logged', () => {
  it('logs the consent list and the representative (name, phone) the holder reads', async () => {
    const network = dataOf(
      await hub.graphql<{ client: { network: { id: string }[] } }>(
        `query($c: ID!) { client(id: $c) { network { id } } }`,
        { c: clientId },
        { token: holderToken },
      ),
    );
    const representativeId = network.client.network[0]?.id;
    await recordConsent(hub, holderToken, { clientId, receivingOrganizationId: readsIdentity.id, givenBy: 'REPRESENTATIVE', representativeId });
    const subject = `holder-${randomUUID()}`;
    const res = await hub.graphql<{ client: { consents: { nodes: { representative: { name: string } | null }[] } } }>(
      `query($c: ID!) { client(id: $c) { consents(first: 100) { nodes { id representative { name contact { phone } } } } } }`,
      { c: clientId },
      { token: await holder.token(['CLIENTONDERSTEUNER'], subject) },
    );
    expect(res.body.data?.client.consents.nodes.some((c) => c.representative?.name === 'Wettelijk Vertegenwoordiger')).toBe(true);
    const lines = await linesOf(subject);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ action: 'READ', outcome: 'GRANTED', authorization_ground: 'OWN_ORGANIZATION' });
    expect([...(lines[0]?.data_categories ?? [])].sort()).toEqual(['CONSENT', 'NETWORK']);
  });

  it("logs the disclosure of another organisation's trajectory (status and dates) to a consent holder", async () => {
    const subject = `metadata-${randomUUID()}`;
    const token = await readsIdentity.token(['CLIENTONDERSTEUNER'], subject);
    const res = dataOf(
      await hub.graphql<{ trajectory: { status: string } }>(
        `query($t: ID!) { trajectory(id: $t) { status openedAt closedAt } }`,
        { t: trajectoryId },
        { token },
      ),
    );
    expect(res.trajectory.status).toBe('OPEN');
    expect(await linesOf(subject)).toEqual([expect.objectContaining({ action: 'READ', outcome: 'GRANTED', data_categories: ['TRAJECTORY'] })]);
  });

  it('logs "this BSN exists" when registerClient answers CONFLICT, and the privacy officer sees the line', async () => {
    const stranger = await buildOrg(hub, 'OCO');
    const subject = `probe-${randomUUID()}`;
    const before = await count('client');
    const res = await hub.graphql(
      `mutation($input: RegisterClientInput!) { registerClient(input: $input) { client { id } } }`,
      { input: { bsn: clientBsn, name: { givenName: 'X', familyName: 'Y' }, dateOfBirth: '1970-01-01', gemeenteCode: 'GM0363' } },
      { token: await stranger.token(['CLIENTONDERSTEUNER'], subject) },
    );
    expect(codes(res.body)).toEqual(['CONFLICT']);
    expect(await count('client')).toBe(before);
    expect(await linesOf(subject)).toEqual([
      expect.objectContaining({ action: 'SEARCH', outcome: 'GRANTED', authorization_ground: 'BSN_REGISTRATION_CHECK', data_categories: ['IDENTITY'] }),
    ]);
    const overview = dataOf(
      await hub.graphql<{ client: { accessLog: { edges: { node: { userId: string; action: string } }[] } } }>(
        `query($c: ID!) { client(id: $c) { accessLog(from: "2000-01-01T00:00:00Z", to: "2100-01-01T00:00:00Z", first: 100) { edges { node { userId action } } } } }`,
        { c: clientId },
        { token: await holder.token(['PRIVACY_OFFICER']) },
      ),
    );
    expect(overview.client.accessLog.edges.map((e) => e.node)).toContainEqual({ userId: subject, action: 'SEARCH' });
  });
});

describe('13. openTrajectory answers an invisible client exactly like an unknown one', () => {
  it('gives the same code, message and shape whatever else the input carries', async () => {
    const token = await (await buildOrg(hub, 'OCO')).token();
    const variants: [string, Record<string, unknown>][] = [
      ['without a BSN', {}],
      ["with another person's valid BSN", { bsn: '111222333' }],
      ['with a malformed BSN', { bsn: '123' }],
      ['with Wlz data on a Wmo trajectory', { wlz: { sector: 'VV' } }],
      ['with a referral id that is no handover to the caller', { handoverReferralId: randomUUID() }],
    ];
    for (const [label, extra] of variants) {
      const known = await hub.graphql(OPEN, { input: openInput(clientId, extra) }, { token });
      const unknown = await hub.graphql(OPEN, { input: openInput(randomUUID(), extra) }, { token });
      expect(known.body.errors?.length, label).toBe(1);
      expect(errorShape(known.body), label).toEqual(errorShape(unknown.body));
      expect(known.body.data, label).toEqual(unknown.body.data);
    }
  });
});
