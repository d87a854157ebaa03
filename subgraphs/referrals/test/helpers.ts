import { randomUUID } from 'node:crypto';
import type { ReferralSettings } from '@hub/config';
import { createLogger } from '@hub/service-kit';
import { dataOf, type Party, type TestHub } from '@hub/testing';
import type { NewReferral } from '../src/db/queries.ts';
import { referral } from '../src/db/schema.ts';
import { createPeerClient } from '../src/peers.ts';
import { createRelay, type Relay } from '../src/relay.ts';

export { dataOf, errorCodes, type Party } from '@hub/testing';

/** Test hubs run without the relay loop: each test drives the relay with runOnce() and its own clock. */
export const REFERRAL_TEST_ENV = { REFERRAL_RELAY_INTERVAL_MS: '0' };

export interface Parties {
  sender: Party;
  receiver: Party;
  other: Party;
  senderBeheerder: Party;
  receiverBeheerder: Party;
}

/** A gemeente that sends (Wmo), a zorgkantoor that receives (Wlz), and an OCO that has nothing to do with it. */
export async function makeParties(hub: TestHub): Promise<Parties> {
  const [senderOrg, receiverOrg, otherOrg] = [randomUUID(), randomUUID(), randomUUID()];
  const token = (
    organizationId: string,
    organizationType: 'GEMEENTE' | 'ZORGKANTOOR' | 'OCO',
    roles: ('CLIENTONDERSTEUNER' | 'ZORGBEMIDDELAAR' | 'BEHEERDER')[],
    extra: { gemeenteCode?: string; zorgkantoorregio?: string } = {},
  ) => hub.tokenFor({ organizationId, organizationType, roles, name: `Test ${roles[0]?.toLowerCase()}`, ...extra });
  return {
    sender: { organizationId: senderOrg, token: await token(senderOrg, 'GEMEENTE', ['CLIENTONDERSTEUNER'], { gemeenteCode: 'GM0363' }) },
    receiver: {
      organizationId: receiverOrg,
      token: await token(receiverOrg, 'ZORGKANTOOR', ['ZORGBEMIDDELAAR', 'CLIENTONDERSTEUNER'], { zorgkantoorregio: 'ZK02' }),
    },
    other: { organizationId: otherOrg, token: await token(otherOrg, 'OCO', ['CLIENTONDERSTEUNER']) },
    senderBeheerder: { organizationId: senderOrg, token: await token(senderOrg, 'GEMEENTE', ['BEHEERDER'], { gemeenteCode: 'GM0363' }) },
    receiverBeheerder: { organizationId: receiverOrg, token: await token(receiverOrg, 'ZORGKANTOOR', ['BEHEERDER'], { zorgkantoorregio: 'ZK02' }) },
  };
}

/** Fails the test with the GraphQL errors when there are any; returns the data. */
/** A client of the sender's organisation with an open Wmo trajectory, through the real cases subgraph. */
export async function makeClientWithTrajectory(hub: TestHub, sender: Party, legalDomain = 'WMO_MAATWERKVOORZIENING') {
  const client = dataOf<{ registerClient: { client: { id: string } } }>(
    await hub.graphql(
      `mutation($input: RegisterClientInput!) { registerClient(input: $input) { client { id } } }`,
      { input: { name: { givenName: 'Test', familyName: `Cliënt ${randomUUID().slice(0, 6)}` }, dateOfBirth: '1948-03-02', gemeenteCode: 'GM0363' } },
      { token: sender.token },
    ),
  );
  const clientId = client.registerClient.client.id;
  const trajectory = dataOf<{ openTrajectory: { trajectory: { id: string; version: number } } }>(
    await hub.graphql(
      `mutation($input: OpenTrajectoryInput!) { openTrajectory(input: $input) { trajectory { id version } } }`,
      { input: { clientId, legalDomain, journeyPhase: 'BEFORE_INDICATION', hulpvraag: 'Hulp bij de aanvraag van een Wlz-indicatie.' } },
      { token: sender.token },
    ),
  );
  return { clientId, trajectoryId: trajectory.openTrajectory.trajectory.id, trajectoryVersion: trajectory.openTrajectory.trajectory.version };
}

/** The client's consent for a warm handover to the receiver (recorded by the sender, who owns the trajectory). */
export async function recordHandoverConsent(hub: TestHub, sender: Party, clientId: string, receiverOrganizationId: string, purpose = 'WARM_HANDOVER') {
  const data = dataOf<{ recordConsent: { consent: { id: string; version: number } } }>(
    await hub.graphql(
      `mutation($input: RecordConsentInput!) { recordConsent(input: $input) { consent { id version } } }`,
      {
        input: {
          clientId,
          receivingOrganizationId: receiverOrganizationId,
          categories: ['HANDOVER', 'IDENTITY', 'QUESTION'],
          purpose,
          givenBy: 'CLIENT',
          recordedHow: 'WRITTEN',
        },
      },
      { token: sender.token },
    ),
  );
  return data.recordConsent.consent;
}

export async function revokeConsent(hub: TestHub, party: Party, consent: { id: string; version: number }) {
  dataOf(
    await hub.graphql(
      `mutation($id: ID!, $v: Int!) { revokeConsent(input: { id: $id, expectedVersion: $v }) { consent { id } } }`,
      { id: consent.id, v: consent.version },
      { token: party.token },
    ),
  );
}

export const SUMMARY = {
  situation: 'Woont alleen, geheugen gaat achteruit.',
  question: 'Begeleiding bij de keuze van een Wlz-zorgaanbieder.',
  whatWasDone: 'Aanvraag Wlz-indicatie bij het CIZ ondersteund.',
  agreements: 'Wekelijks contact tot de overdracht.',
  openActions: 'Kennismaking met de zorgkantoor-cliëntondersteuner.',
  network: 'Dochter is mantelzorger.',
  risks: 'Valgevaar.',
  clientWishes: 'Zo lang mogelijk thuis blijven wonen.',
};

export const CREATE_REFERRAL = `mutation Create($input: CreateReferralInput!) {
  createReferral(input: $input) { referral { id status version respondBy consentId } }
}`;

export function referralInput(args: { clientId: string; trajectoryId: string; toOrganizationId: string }, extra: Record<string, unknown> = {}) {
  return {
    idempotencyKey: randomUUID(),
    kind: 'WMO_TO_WLZ',
    clientId: args.clientId,
    sourceTrajectoryId: args.trajectoryId,
    toOrganizationId: args.toOrganizationId,
    urgency: 'ROUTINE',
    supportFormsRequested: ['KEUZE_ZORGAANBIEDER_EN_ZORG'],
    targetGroup: 'ALLEENSTAANDE_OUDEREN',
    lifeDomain: 'ZORG_EN_ONDERSTEUNING',
    question: 'Warme overdracht naar Wlz-cliëntondersteuning.',
    handoverSummary: SUMMARY,
    ...extra,
  };
}

/**
 * A relay on the hub's database that calls the hub's real peers, for tests to run rounds with their own clock;
 * `settings` overrides the hub's referral settings for this relay only, `peers` the base URL of some peers.
 */
export function relayFor(hub: TestHub, settings: Partial<ReferralSettings> = {}, peers: Record<string, string> = {}): Relay {
  const peerUrls = { ...Object.fromEntries(Object.entries(hub.subgraphUrls).map(([name, url]) => [name, new URL(url).origin])), ...peers };
  return createRelay({
    db: hub.database.db,
    settings: { ...hub.config.referrals, ...settings },
    peers: createPeerClient(peerUrls, hub.internalSecret, 5000),
    logger: createLogger('referrals-test-relay', 'silent'),
  });
}

/** Calls an /internal/* endpoint of one subgraph with the hub's internal secret. */
export async function callInternalEndpoint<T>(hub: TestHub, subgraph: string, path: string, body: unknown): Promise<{ status: number; body: T }> {
  const base = hub.subgraphUrls[subgraph];
  if (!base) throw new Error(`no subgraph ${subgraph}`);
  const res = await fetch(new URL(path, base), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-hub-internal-secret': hub.internalSecret },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as T };
}

/**
 * Inserts sent referrals straight into this subgraph's table (no consent check, no timeline, no outbox): the quickest
 * way to many referrals when a test is about reading them. One minute apart, the first the oldest.
 */
export async function insertReferrals(
  hub: TestHub,
  rows: (Pick<NewReferral, 'clientId' | 'fromOrganizationId' | 'toOrganizationId'> & Partial<NewReferral>)[],
): Promise<string[]> {
  const start = Date.now() - rows.length * 60_000;
  const full: NewReferral[] = rows.map((r, i) => ({
    id: randomUUID(),
    kind: 'WMO_TO_WLZ',
    status: 'REQUESTED',
    urgency: 'ROUTINE',
    sourceTrajectoryId: randomUUID(),
    fromUserId: 'test-sender',
    question: 'Warme overdracht.',
    handoverSummary: SUMMARY,
    idempotencyKey: randomUUID(),
    requestHash: 'test',
    sentAt: new Date(start + i * 60_000),
    ...r,
  }));
  if (full.length > 0) await hub.database.db.insert(referral).values(full);
  return full.map((r) => r.id);
}
