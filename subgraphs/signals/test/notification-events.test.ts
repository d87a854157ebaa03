import { randomUUID } from 'node:crypto';
import { asc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notificationEventSchema } from '@hub/contracts';
import { createLogger } from '@hub/service-kit';
import { startNotificationIntake, startTestHub, type TestHub, type TestNotificationIntake } from '@hub/testing';
import { knelpuntSignal, outbox } from '../src/db/schema.ts';
import { createNotificationRelay } from '../src/notification-events.ts';
import { chair, dataOf, insertKnelpunt, insertSignals, type Party } from './builders.ts';

/**
 * SIGNAL_FEEDBACK: feedback of the overlegtafel on a knelpunt tells the reporters of its signals, through the signals
 * outbox (one event per feedback, written with it) and the relay, which delivers to a notifications intake that
 * validates every request with the contract's schema.
 */

const REGION = 'ZK31';
let hub: TestHub;
let intake: TestNotificationIntake;
let table: Party;

beforeAll(async () => {
  hub = await startTestHub();
  intake = await startNotificationIntake(hub.internalSecret);
  table = await chair(hub, REGION);
});

afterAll(async () => {
  await hub?.stop();
  await intake?.stop();
});

const FEEDBACK = `mutation($input: AddKnelpuntFeedbackInput!) { addKnelpuntFeedback(input: $input) { feedback { id } } }`;

async function eventsAbout(knelpuntId: string) {
  const rows = await hub.database.db.select().from(outbox).orderBy(asc(outbox.seq));
  return rows.map((r) => ({ ...notificationEventSchema.parse(r.payload), deliveredAt: r.deliveredAt })).filter((e) => e.item.id === knelpuntId);
}

/** A knelpunt of the region holding the given signals. */
async function knelpuntWith(signals: { reporterOrganizationId?: string | null; reporterSubject?: string | null; source?: string }[]) {
  const k = await insertKnelpunt(hub, REGION, { title: `Knelpunt ${randomUUID().slice(0, 6)}`, n: 0 });
  const ids = await insertSignals(
    hub,
    signals.map((s) => ({ zorgkantoorregioCode: REGION, ...s })),
  );
  await hub.database.db.insert(knelpuntSignal).values(ids.map((signalId) => ({ signalId, knelpuntId: k.id })));
  return k.id;
}

const giveFeedback = async (knelpuntId: string, text = 'Er komt extra capaciteit bij de wijkteams.') =>
  dataOf(await hub.graphql(FEEDBACK, { input: { knelpuntId, text } }, { token: table.token }));

describe('feedback on a knelpunt', () => {
  it('writes one SIGNAL_FEEDBACK for the reporting persons of each reporting organisation, without the feedback text', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    const id = await knelpuntWith([
      { reporterOrganizationId: a, reporterSubject: 'reporter-a1' },
      { reporterOrganizationId: a, reporterSubject: 'reporter-a2' },
      { reporterOrganizationId: a, reporterSubject: 'reporter-a1' },
      { reporterOrganizationId: b, reporterSubject: 'reporter-b1' },
      // Derived from a referrals gap event: nobody reported it, so nobody is told.
      { source: 'GAP_EVENT', reporterOrganizationId: null, reporterSubject: null },
    ]);
    await giveFeedback(id);
    const events = await eventsAbout(id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ kind: 'SIGNAL_FEEDBACK', item: { type: 'KNELPUNT', id }, actorOrganizationId: table.organizationId });
    expect([...(events[0]?.audience.organizationIds ?? [])].sort()).toEqual([a, b].sort());
    expect([...(events[0]?.audience.subjects ?? [])].sort()).toEqual(['reporter-a1', 'reporter-a2', 'reporter-b1']);
    expect(JSON.stringify(events)).not.toContain('capaciteit');
    // Each further feedback is a change of its own: one more event.
    await giveFeedback(id, 'Tweede terugkoppeling.');
    expect(await eventsAbout(id)).toHaveLength(2);
  });

  it('an organisation with a signal whose reporter was not recorded is told as a whole, in an event of its own', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    const id = await knelpuntWith([
      { reporterOrganizationId: a, reporterSubject: 'reporter-a1' },
      { reporterOrganizationId: b, reporterSubject: 'reporter-b1' },
      { reporterOrganizationId: b, reporterSubject: null },
    ]);
    await giveFeedback(id);
    const audiences = (await eventsAbout(id)).map((e) => e.audience);
    expect(audiences).toEqual([{ organizationIds: [a], subjects: ['reporter-a1'] }, { organizationIds: [b] }]);
  });

  it('a knelpunt without reported signals tells nobody', async () => {
    const id = await knelpuntWith([{ source: 'GAP_EVENT' }]);
    await giveFeedback(id);
    expect(await eventsAbout(id)).toEqual([]);
  });
});

describe('the relay', () => {
  it('delivers every event to the notifications intake at least once, retrying with backoff after a failure', async () => {
    const id = await knelpuntWith([{ reporterOrganizationId: randomUUID(), reporterSubject: 'reporter-x' }]);
    await giveFeedback(id);
    const relay = createNotificationRelay({
      db: hub.database.db,
      settings: { relayIntervalMs: 0, retryBaseSeconds: 60, retryMaxSeconds: 3600 },
      peerUrls: { notifications: intake.url },
      internalSecret: hub.internalSecret,
      timeoutMs: 5000,
      logger: createLogger('signals-test-relay', 'silent'),
    });
    const t0 = Date.now() + 1000;
    intake.failures = 1;
    expect(await relay.runOnce({ now: new Date(t0) })).toEqual({ delivered: 0 });
    expect(intake.requests.at(-1)?.status).toBe(503);
    expect(await relay.runOnce({ now: new Date(t0 + 30_000) })).toEqual({ delivered: 0 });
    const delivered = await relay.runOnce({ now: new Date(t0 + 61_000) });
    const all = await hub.database.db.select().from(outbox);
    expect(delivered.delivered).toBe(all.length);
    expect(all.every((r) => r.deliveredAt !== null)).toBe(true);
    expect(intake.events.filter((e) => e.item.id === id).map((e) => e.kind)).toEqual(['SIGNAL_FEEDBACK']);
    expect(intake.requests.filter((r) => r.status === 400)).toEqual([]);
    expect(await relay.runOnce({ now: new Date(t0 + 3_600_000) })).toEqual({ delivered: 0 });
  });
});

describe('the relay loop of a running hub', () => {
  it('starts with the server and works the outbox without being asked', async () => {
    const running = await startTestHub({ env: { OUTBOX_RELAY_INTERVAL_MS: '50', OUTBOX_RETRY_BASE_SECONDS: '0' } });
    try {
      const member = await chair(running, REGION);
      const k = await insertKnelpunt(running, REGION, { title: 'Loop', n: 0 });
      const [signalId] = await insertSignals(running, [
        { zorgkantoorregioCode: REGION, reporterOrganizationId: randomUUID(), reporterSubject: 'reporter-loop' },
      ]);
      if (!signalId) throw new Error('no signal');
      await running.database.db.insert(knelpuntSignal).values({ signalId, knelpuntId: k.id });
      dataOf(await running.graphql(FEEDBACK, { input: { knelpuntId: k.id, text: 'Terugkoppeling.' } }, { token: member.token }));
      // Delivered, or tried and waiting for a retry: either way the loop took the event up by itself.
      const deadline = Date.now() + 10_000;
      let row: { attempts: number; deliveredAt: Date | null } | undefined;
      while (Date.now() < deadline) {
        row = (await running.database.db.select().from(outbox))[0];
        if (row && (row.attempts > 0 || row.deliveredAt)) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(row?.attempts).toBeGreaterThan(0);
    } finally {
      await running.stop();
    }
  });
});
