import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notificationEventSchema, type NotificationEvent } from '@hub/contracts';
import { rowsOf, sql } from '@hub/db';
import { addWorkingDays, amsterdamDate } from '@hub/domain';
import { startNotificationIntake, startTestHub, type TestHub, type TestNotificationIntake } from '@hub/testing';
import { findOutboxByTopic } from '../src/db/outbox.ts';
import { notificationEventOf } from '../src/events.ts';
import {
  CREATE_REFERRAL,
  dataOf,
  insertReferrals,
  makeClientWithTrajectory,
  makeParties,
  recordHandoverConsent,
  REFERRAL_TEST_ENV,
  referralInput,
  relayFor,
  type Parties,
} from './helpers.ts';

/**
 * The notification events referrals produces (topic NOTIFICATION of its outbox) and their delivery to the
 * notifications subgraph's intake, here a real HTTP server that validates each request with the contract's schema.
 */

let hub: TestHub;
let parties: Parties;
let intake: TestNotificationIntake;

beforeAll(async () => {
  hub = await startTestHub({ env: REFERRAL_TEST_ENV });
  parties = await makeParties(hub);
  intake = await startNotificationIntake(hub.internalSecret);
});
afterAll(async () => {
  await hub?.stop();
  await intake?.stop();
});

/** The notification events written for one referral, oldest first, each checked against the contract. */
async function eventsOf(referralId: string): Promise<(NotificationEvent & { deliveredAt: Date | null })[]> {
  return (await findOutboxByTopic(hub.database.db, 'NOTIFICATION'))
    .map((row) => ({ ...notificationEventSchema.parse(notificationEventOf(row.payload)), deliveredAt: row.deliveredAt }))
    .filter((e) => e.item.id === referralId);
}

const kindsOf = async (referralId: string) => (await eventsOf(referralId)).map((e) => e.kind);

/** The sender's client with a consent for the receiver, and a referral sent to the receiver through the gateway. */
async function sentReferral(send = true) {
  const c = await makeClientWithTrajectory(hub, parties.sender);
  await recordHandoverConsent(hub, parties.sender, c.clientId, parties.receiver.organizationId);
  const input = referralInput({ ...c, toOrganizationId: parties.receiver.organizationId }, { send });
  return dataOf<{ createReferral: { referral: { id: string; version: number; respondBy: string | null } } }>(
    await hub.graphql(CREATE_REFERRAL, { input }, { token: parties.sender.token }),
  ).createReferral.referral;
}

async function answer(mutation: 'acceptReferral' | 'rejectReferral', r: { id: string; version: number }, extra: Record<string, unknown> = {}) {
  const input = mutation === 'acceptReferral' ? 'AcceptReferralInput' : 'RejectReferralInput';
  dataOf(
    await hub.graphql(
      `mutation($input: ${input}!) { ${mutation}(input: $input) { referral { id } } }`,
      { input: { id: r.id, expectedVersion: r.version, ...extra } },
      { token: parties.receiver.token },
    ),
  );
}

const senderSubjectOf = async (referralId: string) =>
  rowsOf<{ s: string }>(await hub.database.db.execute(sql`select from_user_id as s from referrals.referral where id = ${referralId}::uuid`))[0]?.s;

const timelineActions = async (referralId: string) =>
  rowsOf<{ action: string }>(
    await hub.database.db.execute(sql`select action from referrals.referral_event where referral_id = ${referralId}::uuid order by occurred_at, action`),
  ).map((r) => r.action);

describe('handover events', () => {
  it('a referral sent at once: one HANDOVER_RECEIVED for the receiver, with the sender as actor and the respond-by date', async () => {
    const r = await sentReferral();
    const events = await eventsOf(r.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      kind: 'HANDOVER_RECEIVED',
      item: { type: 'REFERRAL', id: r.id },
      audience: { organizationIds: [parties.receiver.organizationId], roles: ['TOEGANG', 'CLIENTONDERSTEUNER', 'ZORGBEMIDDELAAR', 'BEHEERDER'] },
      actorOrganizationId: parties.sender.organizationId,
      dueDate: r.respondBy,
    });
    expect(r.respondBy).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('a draft tells nobody; sending it later writes the one HANDOVER_RECEIVED', async () => {
    const r = await sentReferral(false);
    expect(await kindsOf(r.id)).toEqual([]);
    dataOf(
      await hub.graphql(
        `mutation($input: ReferralTransitionInput!) { sendReferral(input: $input) { referral { id } } }`,
        { input: { id: r.id, expectedVersion: r.version } },
        { token: parties.sender.token },
      ),
    );
    expect(await kindsOf(r.id)).toEqual(['HANDOVER_RECEIVED']);
  });

  it('accepting tells the person who sent it, in the sending organisation', async () => {
    const r = await sentReferral();
    await answer('acceptReferral', r);
    const events = await eventsOf(r.id);
    expect(events.map((e) => e.kind)).toEqual(['HANDOVER_RECEIVED', 'HANDOVER_ACCEPTED']);
    expect(events[1]).toMatchObject({
      audience: { organizationIds: [parties.sender.organizationId], subjects: [await senderSubjectOf(r.id)] },
      actorOrganizationId: parties.receiver.organizationId,
    });
  });

  it('rejecting tells the sender once, and carries no reason, note or other text', async () => {
    const r = await sentReferral();
    await answer('rejectReferral', r, { reason: 'NO_CAPACITY', note: 'Geheime notitie over de cliënt' });
    const events = await eventsOf(r.id);
    expect(events.map((e) => e.kind)).toEqual(['HANDOVER_RECEIVED', 'HANDOVER_REJECTED']);
    expect(events[1]?.audience.organizationIds).toEqual([parties.sender.organizationId]);
    expect(JSON.stringify(events)).not.toMatch(/Geheime|NO_CAPACITY|Test|Cliënt/);
  });
});

describe('deadlines', () => {
  const today = () => amsterdamDate(new Date());
  const daysAgo = (n: number) => new Date(Date.parse(`${today()}T12:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

  it('overdue: HANDOVER_OVERDUE to receiver and sender and one escalation on the timeline, however many rounds run', async () => {
    const [id] = await insertReferrals(hub, [
      {
        clientId: randomUUID(),
        fromOrganizationId: parties.sender.organizationId,
        toOrganizationId: parties.receiver.organizationId,
        respondBy: daysAgo(3),
      },
    ]);
    if (!id) throw new Error('no referral');
    const relay = relayFor(hub);
    for (let i = 0; i < 5; i++) await relay.runOnce();
    const events = await eventsOf(id);
    expect(events.map((e) => e.kind).sort()).toEqual(['HANDOVER_ESCALATED', 'HANDOVER_OVERDUE']);
    const overdue = events.find((e) => e.kind === 'HANDOVER_OVERDUE');
    expect(overdue?.audience.organizationIds.sort()).toEqual([parties.receiver.organizationId, parties.sender.organizationId].sort());
    expect(overdue?.dueDate).toBe(daysAgo(3));
    const escalated = events.find((e) => e.kind === 'HANDOVER_ESCALATED');
    expect(escalated?.audience).toEqual({ organizationIds: [parties.receiver.organizationId], coordinators: true });
    expect(await timelineActions(id)).toEqual(['ESCALATED', 'OVERDUE']);

    // Accepted late, and then late to start as well: overdue again, but escalated no second time.
    await hub.database.db.execute(sql`update referrals.referral set status = 'ACCEPTED', start_by = ${daysAgo(1)}::date where id = ${id}::uuid`);
    for (let i = 0; i < 3; i++) await relay.runOnce();
    expect((await kindsOf(id)).sort()).toEqual(['HANDOVER_ESCALATED', 'HANDOVER_OVERDUE', 'HANDOVER_OVERDUE']);
    expect((await timelineActions(id)).filter((a) => a === 'ESCALATED')).toHaveLength(1);
  });

  it('due soon: once when the respond-by date is within NOTIFY_DUE_SOON_WORKING_DAYS working days, not before', async () => {
    const [soon, later] = await insertReferrals(hub, [
      {
        clientId: randomUUID(),
        fromOrganizationId: parties.sender.organizationId,
        toOrganizationId: parties.receiver.organizationId,
        respondBy: addWorkingDays(today(), 1),
      },
      {
        clientId: randomUUID(),
        fromOrganizationId: parties.sender.organizationId,
        toOrganizationId: parties.receiver.organizationId,
        respondBy: addWorkingDays(today(), 4),
      },
    ]);
    if (!soon || !later) throw new Error('no referrals');
    const relay = relayFor(hub);
    for (let i = 0; i < 4; i++) await relay.runOnce();
    const events = await eventsOf(soon);
    expect(events.map((e) => e.kind)).toEqual(['HANDOVER_DUE_SOON']);
    expect(events[0]).toMatchObject({
      audience: { organizationIds: [parties.receiver.organizationId] },
      actorOrganizationId: parties.sender.organizationId,
      dueDate: addWorkingDays(today(), 1),
    });
    expect(await kindsOf(later)).toEqual([]);
    // With a wider window (the configuration), the later one is due soon too, and still once.
    const wide = relayFor(hub, { dueSoonWorkingDays: 5 });
    for (let i = 0; i < 3; i++) await wide.runOnce();
    expect(await kindsOf(later)).toEqual(['HANDOVER_DUE_SOON']);
    expect(await kindsOf(soon)).toEqual(['HANDOVER_DUE_SOON']);
  });
});

describe('delivery to the notifications subgraph', () => {
  it('delivers every event at least once, in the contract, retrying after a failure with backoff', async () => {
    const r = await sentReferral();
    // Earlier tests' relays delivered to the hub's own notifications subgraph, or failed to: what is still waiting
    // starts afresh, due now, and must all reach this intake.
    await hub.database.db.execute(sql`update referrals.outbox set attempts = 0, next_attempt_at = now() where topic = 'NOTIFICATION'`);
    const waiting = (await findOutboxByTopic(hub.database.db, 'NOTIFICATION')).filter((row) => row.deliveredAt === null).map((row) => row.id);
    expect(waiting.length).toBeGreaterThan(0);
    const relay = relayFor(hub, { webhookRetryBaseSeconds: 60 }, { notifications: intake.url });
    const t0 = Date.now();
    intake.failures = 1;
    await relay.runOnce({ now: new Date(t0) });
    expect(intake.requests.at(-1)?.status).toBe(503);
    expect((await eventsOf(r.id))[0]?.deliveredAt).toBeNull();
    // Within the backoff nothing is sent again; after it, the batch goes through.
    const before = intake.requests.length;
    await relay.runOnce({ now: new Date(t0 + 30_000) });
    expect(intake.requests.length).toBe(before);
    await relay.runOnce({ now: new Date(t0 + 61_000) });
    expect(intake.requests.at(-1)).toMatchObject({ accepted: true, status: 200 });
    const delivered = await eventsOf(r.id);
    expect(delivered[0]?.deliveredAt).not.toBeNull();
    expect(intake.events.filter((e) => e.item.id === r.id).map((e) => e.kind)).toEqual(['HANDOVER_RECEIVED']);
    // Everything in the outbox reached the intake, and every request the relay made fitted the contract.
    const all = await findOutboxByTopic(hub.database.db, 'NOTIFICATION');
    expect(all.every((row) => row.deliveredAt !== null)).toBe(true);
    const received = new Set(intake.events.map((e) => e.eventId));
    expect(waiting.filter((id) => !received.has(id))).toEqual([]);
    expect([...received].filter((id) => !all.some((row) => row.id === id))).toEqual([]);
    expect(intake.requests.filter((q) => q.status === 400)).toEqual([]);
  });
});
