import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '@hub/db';
import { encodeCursor } from '@hub/service-kit';
import { demoParty, startTestHub, type TestHub } from '@hub/testing';
import { webhookAttempt } from '../src/db/schema.ts';
import { MAX_DELIVERY_ATTEMPTS, type Relay } from '../src/relay.ts';
import {
  CREATE_REFERRAL,
  dataOf,
  errorCodes,
  makeClientWithTrajectory,
  makeParties,
  recordHandoverConsent,
  REFERRAL_TEST_ENV,
  referralInput,
  relayFor,
  type Parties,
  type Party,
} from './helpers.ts';

// --- The receiver's side, exactly as docs/referrals.md shows it (a test below checks the docs still say this). ---
function verifyHubSignature(secret: string, rawBody: string, header: string | undefined, toleranceSeconds = 300): boolean {
  if (!header) return false;
  const fields = new Map(header.split(',').map((part) => [part.slice(0, part.indexOf('=')), part.slice(part.indexOf('=') + 1)] as const));
  const timestamp = Number(fields.get('t'));
  if (!Number.isInteger(timestamp) || Math.abs(Date.now() / 1000 - timestamp) > toleranceSeconds) return false;
  const expected = createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex');
  const given = fields.get('v1') ?? '';
  return given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}
// --- end of the documented code ---

const docs = readFileSync(new URL('../../../docs/referrals.md', import.meta.url), 'utf8');

let hub: TestHub;
let parties: Parties;
let relay: Relay;

beforeAll(async () => {
  hub = await startTestHub({ env: REFERRAL_TEST_ENV, seedDemo: true, demoScale: 0.1 });
  parties = await makeParties(hub);
  relay = relayFor(hub);
});
afterAll(async () => {
  await hub?.stop();
});

describe("the cliëntondersteuner's cross-domain client view", () => {
  it("shows the client's trajectories and handovers side by side, resolved across the subgraphs", async () => {
    const gemeente = await demoParty(hub, 'demo-co-amsterdam');
    const zorgkantoor = await demoParty(hub, 'demo-zorgbemiddelaar-zk02');
    const c = await makeClientWithTrajectory(hub, gemeente);
    await recordHandoverConsent(hub, gemeente, c.clientId, zorgkantoor.organizationId);
    const sent = dataOf<{ createReferral: { referral: { id: string } } }>(
      await hub.graphql(
        CREATE_REFERRAL,
        { input: referralInput({ ...c, toOrganizationId: zorgkantoor.organizationId }, { urgency: 'URGENT' }) },
        { token: gemeente.token },
      ),
    ).createReferral.referral;
    const draft = dataOf<{ createReferral: { referral: { id: string } } }>(
      await hub.graphql(
        CREATE_REFERRAL,
        { input: referralInput({ ...c, toOrganizationId: zorgkantoor.organizationId }, { send: false }) },
        { token: gemeente.token },
      ),
    ).createReferral.referral;

    type View = {
      client: {
        trajectories: { nodes: { id: string; organization: { name: string } }[] };
        referrals: {
          nodes: {
            id: string;
            kind: string;
            status: string;
            urgency: string;
            sentAt: string | null;
            respondBy: string | null;
            fromOrganization: { name: string };
            toOrganization: { name: string };
          }[];
        };
      } | null;
    };
    const view = (party: Party, purpose: string) =>
      hub.graphql<View>(
        `query ClientView($id: ID!, $purpose: ConsentPurpose) { client(id: $id, purpose: $purpose) {
          trajectories { nodes { id organization { name } } }
          referrals { nodes { id kind status urgency sentAt respondBy fromOrganization { name } toOrganization { name } } }
        } }`,
        { id: c.clientId, purpose },
        { token: party.token },
      );

    const own = dataOf<View>(await view(gemeente, 'INTEGRATED_SUPPORT')).client;
    expect(own?.trajectories.nodes).toEqual([{ id: c.trajectoryId, organization: { name: expect.stringMatching(/Amsterdam/) } }]);
    expect(own?.referrals.nodes.map((r) => [r.id, r.status])).toEqual([
      [draft.id, 'DRAFT'],
      [sent.id, 'REQUESTED'],
    ]);
    expect(own?.referrals.nodes[1]).toMatchObject({
      kind: 'WMO_TO_WLZ',
      urgency: 'URGENT',
      sentAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      respondBy: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      fromOrganization: { name: expect.stringMatching(/Amsterdam/) },
      toOrganization: { name: expect.stringMatching(/zorgkantoor/i) },
    });

    // The receiver, looking under the handover consent, sees the sent referral and not the draft.
    const received = dataOf<View>(await view(zorgkantoor, 'WARM_HANDOVER')).client;
    expect(received?.referrals.nodes.map((r) => r.id)).toEqual([sent.id]);
    expect(received?.referrals.nodes[0]?.toOrganization.name).toMatch(/zorgkantoor/i);
  });
});

interface Received {
  headers: IncomingMessage['headers'];
  body: string;
  status: number;
}

/** A receiver's endpoint on 127.0.0.1 that fails `failures` times with 503 and then accepts with 204. */
async function flakyEndpoint(failures: number): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  let left = failures;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const status = left > 0 ? 503 : 204;
      left--;
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), status });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hub-events`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

type Delivery = {
  id: string;
  eventId: string;
  status: string;
  attemptCount: number;
  attempts: { number: number; accepted: boolean; statusCode: number | null }[];
};
const ENDPOINTS = `{ webhookEndpoints(first: 5) { nodes { id url deliveries(first: 5) { nodes { id eventId status attemptCount attempts { number accepted statusCode } } } } } }`;
type Endpoints = { webhookEndpoints: { nodes: { id: string; deliveries: { nodes: Delivery[] } }[] } };

describe('webhooks', () => {
  it('retries a failing endpoint with backoff until it accepts: one accepted delivery, a verifiable signature', async () => {
    const endpoint = await flakyEndpoint(3);
    try {
      const secret = 'receiver-secret-'.padEnd(40, 'x');
      const registered = dataOf<{ registerWebhook: { endpoint: { id: string }; secret: string } }>(
        await hub.graphql(
          `mutation($input: RegisterWebhookInput!) { registerWebhook(input: $input) { endpoint { id url active } secret } }`,
          { input: { url: endpoint.url, secret, description: 'ons zaaksysteem' } },
          { token: parties.receiverBeheerder.token },
        ),
      );
      expect(registered.registerWebhook.secret).toBe(secret);
      const c = await makeClientWithTrajectory(hub, parties.sender);
      await recordHandoverConsent(hub, parties.sender, c.clientId, parties.receiver.organizationId);
      const sent = dataOf<{ createReferral: { referral: { id: string } } }>(
        await hub.graphql(
          `mutation($input: CreateReferralInput!) { createReferral(input: $input) { referral { id } } }`,
          { input: referralInput({ ...c, toOrganizationId: parties.receiver.organizationId }) },
          { token: parties.sender.token },
        ),
      );

      // Attempts at t0, +30 s, +60 s, +120 s (WEBHOOK_RETRY_BASE_SECONDS = 30, doubling); a round before a retry is due sends nothing.
      const t0 = Date.now();
      const at = (seconds: number) => ({ now: new Date(t0 + seconds * 1000) });
      expect((await relay.runOnce(at(0))).webhookAttempts).toBe(1);
      expect((await relay.runOnce(at(10))).webhookAttempts).toBe(0);
      expect((await relay.runOnce(at(30))).webhookAttempts).toBe(1);
      expect((await relay.runOnce(at(90))).webhookAttempts).toBe(1);
      const last = await relay.runOnce(at(210));
      expect(last).toMatchObject({ webhookAttempts: 1, webhookDelivered: 1 });
      expect((await relay.runOnce(at(10_000))).webhookAttempts).toBe(0);

      expect(endpoint.received.map((r) => r.status)).toEqual([503, 503, 503, 204]);
      const accepted = endpoint.received[3];
      if (!accepted) throw new Error('no accepted request');
      expect(verifyHubSignature(secret, accepted.body, String(accepted.headers['x-hub-signature']))).toBe(true);
      expect(verifyHubSignature('another-secret'.padEnd(40, 'y'), accepted.body, String(accepted.headers['x-hub-signature']))).toBe(false);
      expect(verifyHubSignature(secret, accepted.body.replace('REQUESTED', 'ACCEPTED'), String(accepted.headers['x-hub-signature']))).toBe(false);
      const event = JSON.parse(accepted.body) as Record<string, unknown>;
      expect(event).toMatchObject({ type: 'referral.requested', referralId: sent.createReferral.referral.id, status: 'REQUESTED' });
      expect(accepted.headers['x-hub-event-id']).toBe(event.id);
      // Ids and status only: nothing about the client.
      expect(Object.keys(event).sort()).toEqual([
        'fromOrganizationId',
        'id',
        'occurredAt',
        'previousStatus',
        'referralId',
        'status',
        'toOrganizationId',
        'type',
        'version',
      ]);
      expect(accepted.body).not.toContain(c.clientId);

      const endpoints = dataOf<Endpoints>(await hub.graphql(ENDPOINTS, {}, { token: parties.receiverBeheerder.token }));
      const deliveries = endpoints.webhookEndpoints.nodes.find((e) => e.id === registered.registerWebhook.endpoint.id)?.deliveries.nodes ?? [];
      expect(deliveries).toHaveLength(1);
      const delivery = deliveries[0];
      expect(delivery).toMatchObject({ status: 'DELIVERED', attemptCount: 4, eventId: event.id });
      expect(delivery?.attempts.filter((a) => a.accepted)).toHaveLength(1);
      expect(delivery?.attempts.map((a) => a.statusCode)).toEqual([503, 503, 503, 204]);

      // Manual redeliver: the same event once more; another organisation cannot touch the delivery.
      const other = await hub.graphql(
        `mutation($id: ID!) { redeliverWebhook(input: { deliveryId: $id }) { delivery { id } } }`,
        { id: delivery?.id },
        { token: parties.senderBeheerder.token },
      );
      expect(errorCodes(other)).toEqual(['NOT_FOUND']);
      const again = dataOf<{ redeliverWebhook: { delivery: { status: string } } }>(
        await hub.graphql(
          `mutation($id: ID!) { redeliverWebhook(input: { deliveryId: $id }) { delivery { status } } }`,
          { id: delivery?.id },
          { token: parties.receiverBeheerder.token },
        ),
      );
      expect(again.redeliverWebhook.delivery.status).toBe('PENDING');
      expect((await relay.runOnce()).webhookDelivered).toBe(1);
      expect(endpoint.received.at(-1)?.headers['x-hub-event-id']).toBe(event.id);

      const removed = dataOf<{ removeWebhook: { endpointId: string } }>(
        await hub.graphql(
          `mutation($id: ID!) { removeWebhook(input: { id: $id }) { endpointId } }`,
          { id: registered.registerWebhook.endpoint.id },
          { token: parties.receiverBeheerder.token },
        ),
      );
      expect(removed.removeWebhook.endpointId).toBe(registered.registerWebhook.endpoint.id);
      const list = dataOf<Endpoints>(await hub.graphql(ENDPOINTS, {}, { token: parties.receiverBeheerder.token }));
      expect(list.webhookEndpoints.nodes).toHaveLength(0);
    } finally {
      await endpoint.close();
    }
  });

  it('gives up after the maximum number of attempts and keeps only BEHEERDERs in charge of endpoints', async () => {
    const endpoint = await flakyEndpoint(1000);
    try {
      const token = await hub.tokenFor({ organizationId: parties.sender.organizationId, organizationType: 'GEMEENTE', roles: ['BEHEERDER'] });
      const registered = dataOf<{ registerWebhook: { endpoint: { id: string }; secret: string } }>(
        await hub.graphql(
          `mutation($input: RegisterWebhookInput!) { registerWebhook(input: $input) { endpoint { id } secret } }`,
          { input: { url: endpoint.url } },
          { token },
        ),
      );
      expect(registered.registerWebhook.secret.length).toBeGreaterThanOrEqual(32);
      const forbidden = await hub.graphql(
        `mutation($input: RegisterWebhookInput!) { registerWebhook(input: $input) { secret } }`,
        { input: { url: endpoint.url } },
        { token: parties.sender.token },
      );
      expect(errorCodes(forbidden)).toEqual(['FORBIDDEN']);
      const badUrl = await hub.graphql(
        `mutation($input: RegisterWebhookInput!) { registerWebhook(input: $input) { secret } }`,
        { input: { url: 'ftp://example.org' } },
        { token },
      );
      expect(errorCodes(badUrl)).toEqual(['BAD_USER_INPUT']);

      const c = await makeClientWithTrajectory(hub, parties.sender);
      await recordHandoverConsent(hub, parties.sender, c.clientId, parties.receiver.organizationId);
      dataOf(
        await hub.graphql(
          `mutation($input: CreateReferralInput!) { createReferral(input: $input) { referral { id } } }`,
          { input: referralInput({ ...c, toOrganizationId: parties.receiver.organizationId }) },
          { token: parties.sender.token },
        ),
      );
      const t0 = Date.now();
      for (let i = 0; i < 10; i++) await relay.runOnce({ now: new Date(t0 + i * 4 * 3600 * 1000) });
      const endpoints = dataOf<Endpoints>(await hub.graphql(ENDPOINTS, {}, { token }));
      const delivery = endpoints.webhookEndpoints.nodes.find((e) => e.id === registered.registerWebhook.endpoint.id)?.deliveries.nodes[0];
      expect(delivery).toMatchObject({ status: 'FAILED', attemptCount: hub.config.referrals.webhookMaxAttempts });
      expect(endpoint.received).toHaveLength(hub.config.referrals.webhookMaxAttempts);
    } finally {
      await endpoint.close();
    }
  });

  it("pages the endpoints in registration order and each endpoint's deliveries newest first, in a constant number of statements", async () => {
    const endpoint = await flakyEndpoint(0);
    try {
      const own = await makeParties(hub);
      const register = async () =>
        dataOf<{ registerWebhook: { endpoint: { id: string } } }>(
          await hub.graphql(
            `mutation($input: RegisterWebhookInput!) { registerWebhook(input: $input) { endpoint { id } } }`,
            { input: { url: endpoint.url } },
            { token: own.receiverBeheerder.token },
          ),
        ).registerWebhook.endpoint.id;
      const registered = [await register(), await register(), await register()];
      const c = await makeClientWithTrajectory(hub, own.sender);
      await recordHandoverConsent(hub, own.sender, c.clientId, own.receiver.organizationId);
      // One relay round per referral, a second apart: each event's deliveries have their own creation time.
      const t0 = Date.now();
      for (let i = 0; i < 3; i++) {
        dataOf(
          await hub.graphql(CREATE_REFERRAL, { input: referralInput({ ...c, toOrganizationId: own.receiver.organizationId }) }, { token: own.sender.token }),
        );
        await relay.runOnce({ now: new Date(t0 + i * 1000) });
      }

      type Page<T> = { nodes: T[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
      type Listed = { webhookEndpoints: Page<{ id: string; deliveries: Page<{ eventId: string; status: string }> }> };
      const list = async (variables: Record<string, unknown>) =>
        hub.graphql<Listed>(
          `query($first: Int, $after: String, $deliveries: Int, $deliveriesAfter: String) {
            webhookEndpoints(first: $first, after: $after) {
              nodes { id deliveries(first: $deliveries, after: $deliveriesAfter) { nodes { eventId status } pageInfo { hasNextPage endCursor } } }
              pageInfo { hasNextPage endCursor }
            }
          }`,
          variables,
          { token: own.receiverBeheerder.token },
        );
      const first = dataOf<Listed>(await list({ first: 2, deliveries: 2 })).webhookEndpoints;
      expect(first.nodes.map((e) => e.id)).toEqual(registered.slice(0, 2));
      expect(first.pageInfo.hasNextPage).toBe(true);
      const rest = dataOf<Listed>(await list({ first: 2, after: first.pageInfo.endCursor, deliveries: 2 })).webhookEndpoints;
      expect(rest.nodes.map((e) => e.id)).toEqual(registered.slice(2));
      expect(rest.pageInfo.hasNextPage).toBe(false);

      // Every endpoint got the three events; a page of two, then the oldest one after its cursor.
      const page = first.nodes[0]?.deliveries;
      expect(page?.nodes).toHaveLength(2);
      expect(page?.pageInfo.hasNextPage).toBe(true);
      const older = dataOf<Listed>(await list({ first: 1, deliveries: 2, deliveriesAfter: page?.pageInfo.endCursor })).webhookEndpoints.nodes[0]?.deliveries;
      expect(older?.nodes).toHaveLength(1);
      expect(older?.pageInfo.hasNextPage).toBe(false);
      const events = [...(page?.nodes ?? []), ...(older?.nodes ?? [])];
      expect(new Set(events.map((d) => d.eventId)).size).toBe(3);
      expect(events.every((d) => d.status === 'DELIVERED')).toBe(true);
      // Newest first: the first referral's event comes last.
      const polled = dataOf<{ referralEvents: { events: { id: string }[] } }>(
        await hub.graphql(`{ referralEvents(first: 10) { events { id } } }`, {}, { token: own.receiverBeheerder.token }),
      );
      expect(events.map((d) => d.eventId)).toEqual(polled.referralEvents.events.map((e) => e.id).reverse());

      // One statement for the endpoints, one for all their deliveries, one for all attempts: however many there are.
      const statements = async (n: number) => {
        const before = hub.database.stats.statements;
        dataOf(
          await hub.graphql(
            `query($n: Int) { webhookEndpoints(first: $n) { nodes { deliveries(first: $n) { nodes { attempts { number accepted } } } } } }`,
            { n },
            { token: own.receiverBeheerder.token },
          ),
        );
        return hub.database.stats.statements - before;
      };
      expect(await statements(3)).toBe(await statements(1));

      for (const bad of [{ after: encodeCursor('gisteren', randomUUID()) }, { deliveriesAfter: 'bm9wZQ' }, { first: 0 }]) {
        expect(errorCodes(await list({ first: 1, ...bad }))).toEqual(['BAD_USER_INPUT']);
      }
    } finally {
      await endpoint.close();
    }
  });

  it(`keeps every delivery log complete and at most ${MAX_DELIVERY_ATTEMPTS} attempts long: the relay stops there and redeliverWebhook refuses more`, async () => {
    const endpoint = await flakyEndpoint(10_000);
    try {
      const own = await makeParties(hub);
      dataOf(
        await hub.graphql(
          `mutation($input: RegisterWebhookInput!) { registerWebhook(input: $input) { endpoint { id } } }`,
          { input: { url: endpoint.url } },
          { token: own.receiverBeheerder.token },
        ),
      );
      const c = await makeClientWithTrajectory(hub, own.sender);
      await recordHandoverConsent(hub, own.sender, c.clientId, own.receiver.organizationId);
      dataOf(
        await hub.graphql(CREATE_REFERRAL, { input: referralInput({ ...c, toOrganizationId: own.receiver.organizationId }) }, { token: own.sender.token }),
      );
      // A retry schedule longer than the cap, so that only the cap can end it.
      const patient = relayFor(hub, { webhookMaxAttempts: 1000 });
      const t0 = Date.now();
      expect((await patient.runOnce({ now: new Date(t0) })).webhookAttempts).toBe(1);

      type Log = {
        webhookEndpoints: { nodes: { deliveries: { nodes: { id: string; status: string; attemptCount: number; attempts: { number: number }[] }[] } }[] };
      };
      const log = async () =>
        dataOf<Log>(
          await hub.graphql(
            `{ webhookEndpoints(first: 1) { nodes { deliveries(first: 1) { nodes { id status attemptCount attempts { number } } } } } }`,
            {},
            { token: own.receiverBeheerder.token },
          ),
        ).webhookEndpoints.nodes[0]?.deliveries.nodes[0];
      const deliveryId = (await log())?.id ?? '';
      // Many redeliveries later: attempts 2 … 98 in the log, the delivery FAILED.
      await hub.database.db.insert(webhookAttempt).values(
        Array.from({ length: MAX_DELIVERY_ATTEMPTS - 3 }, (_, i) => ({
          id: randomUUID(),
          deliveryId,
          number: i + 2,
          attemptedAt: new Date(t0),
          statusCode: 503,
          accepted: false,
          error: 'HTTP 503',
          durationMs: 1,
        })),
      );
      await hub.database.db.execute(
        sql`update referrals.webhook_delivery set attempts = ${MAX_DELIVERY_ATTEMPTS - 2}, status = 'FAILED' where id = ${deliveryId}::uuid`,
      );

      const REDELIVER = `mutation($id: ID!) { redeliverWebhook(input: { deliveryId: $id }) { delivery { status attemptCount } } }`;
      const again = dataOf<{ redeliverWebhook: { delivery: { status: string } } }>(
        await hub.graphql(REDELIVER, { id: deliveryId }, { token: own.receiverBeheerder.token }),
      );
      expect(again.redeliverWebhook.delivery.status).toBe('PENDING');
      const later = (hours: number) => ({ now: new Date(t0 + hours * 3600 * 1000) });
      expect((await patient.runOnce(later(1))).webhookAttempts).toBe(1);
      expect(await log()).toMatchObject({ status: 'PENDING', attemptCount: MAX_DELIVERY_ATTEMPTS - 1 });
      expect((await patient.runOnce(later(3))).webhookAttempts).toBe(1);
      const full = await log();
      expect(full).toMatchObject({ status: 'FAILED', attemptCount: MAX_DELIVERY_ATTEMPTS });
      expect(full?.attempts.map((a) => a.number)).toEqual(Array.from({ length: MAX_DELIVERY_ATTEMPTS }, (_, i) => i + 1));

      const requestsBefore = endpoint.received.length;
      const refused = await hub.graphql(REDELIVER, { id: deliveryId }, { token: own.receiverBeheerder.token });
      expect(errorCodes(refused)).toEqual(['INVALID_TRANSITION']);
      expect((await patient.runOnce(later(5))).webhookAttempts).toBe(0);
      expect(await log()).toEqual(full);
      expect(endpoint.received).toHaveLength(requestsBefore);
    } finally {
      await endpoint.close();
    }
  });

  it('documents the verification code the tests use', () => {
    const source = readFileSync(new URL(import.meta.url), 'utf8');
    const start = source.indexOf('function verifyHubSignature(');
    const block = source.slice(start, source.indexOf('// --- end of the documented code ---'));
    expect(block.split('\n').length).toBeGreaterThan(8);
    expect(docs).toContain(block.trim());
    expect(docs).toContain('x-hub-signature');
  });
});

describe('polling', () => {
  it('serves each organisation its own events after a cursor, oldest first; drafts stay with the sender', async () => {
    const sender = await makeParties(hub);
    const c = await makeClientWithTrajectory(hub, sender.sender);
    await recordHandoverConsent(hub, sender.sender, c.clientId, sender.receiver.organizationId);
    const POLL = `query($since: String) { referralEvents(since: $since, first: 50) { cursor hasMore events { id type referralId status previousStatus referral { id status } } } }`;
    type Page = {
      referralEvents: {
        cursor: string | null;
        hasMore: boolean;
        events: { id: string; type: string; referralId: string; status: string; previousStatus: string | null; referral: { id: string } | null }[];
      };
    };
    const empty = dataOf<Page>(await hub.graphql(POLL, {}, { token: sender.receiver.token }));
    expect(empty.referralEvents.events).toEqual([]);

    const create = `mutation($input: CreateReferralInput!) { createReferral(input: $input) { referral { id version } } }`;
    const draft = dataOf<{ createReferral: { referral: { id: string; version: number } } }>(
      await hub.graphql(
        create,
        { input: referralInput({ ...c, toOrganizationId: sender.receiver.organizationId }, { send: false }) },
        { token: sender.sender.token },
      ),
    ).createReferral.referral;
    const sent = dataOf<{ createReferral: { referral: { id: string; version: number } } }>(
      await hub.graphql(create, { input: referralInput({ ...c, toOrganizationId: sender.receiver.organizationId }) }, { token: sender.sender.token }),
    ).createReferral.referral;
    await relay.runOnce();
    const first = dataOf<Page>(await hub.graphql(POLL, {}, { token: sender.receiver.token }));
    expect(first.referralEvents.events.map((e) => [e.type, e.referralId])).toEqual([['referral.requested', sent.id]]);
    expect(first.referralEvents.events[0]?.referral?.id).toBe(sent.id);
    const senderView = dataOf<Page>(await hub.graphql(POLL, {}, { token: sender.sender.token }));
    expect(senderView.referralEvents.events.map((e) => e.type)).toEqual(['referral.drafted', 'referral.requested']);
    expect(senderView.referralEvents.events[0]?.referralId).toBe(draft.id);

    dataOf(
      await hub.graphql(
        `mutation($input: AcceptReferralInput!) { acceptReferral(input: $input) { referral { id } } }`,
        { input: { id: sent.id, expectedVersion: sent.version } },
        { token: sender.receiver.token },
      ),
    );
    const beforeRelay = dataOf<Page>(await hub.graphql(POLL, { since: first.referralEvents.cursor }, { token: sender.receiver.token }));
    expect(beforeRelay.referralEvents.events).toEqual([]);
    expect(beforeRelay.referralEvents.cursor).toBe(first.referralEvents.cursor);
    await relay.runOnce();
    const next = dataOf<Page>(await hub.graphql(POLL, { since: first.referralEvents.cursor }, { token: sender.receiver.token }));
    expect(next.referralEvents.events.map((e) => [e.type, e.status, e.previousStatus])).toEqual([['referral.accepted', 'ACCEPTED', 'REQUESTED']]);
    const bad = await hub.graphql(POLL, { since: 'not-a-cursor' }, { token: sender.receiver.token });
    expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
  });
});
