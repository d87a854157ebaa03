import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, type HubConfig } from '@hub/config';
import { rowsOf, sql, type Db } from '@hub/db';
import { casesModule } from '@hub/cases';
import { notificationsModule } from '@hub/notifications';
import { signalsModule } from '@hub/signals';
import { createLogger, termBefore } from '@hub/service-kit';
import { dataOf, startTestHub, type TestHub } from '@hub/testing';
import { referralsModule } from '@hub/referrals';
import {
  CREATE_REFERRAL,
  makeClientWithTrajectory,
  makeParties,
  recordHandoverConsent,
  referralInput,
  REFERRAL_TEST_ENV,
} from '../subgraphs/referrals/test/helpers.ts';

/**
 * Retention (docs/operations.md, "Retention"): the purge of each subgraph, run as the daily job runs it, with time moved
 * forward through `asOf`. Rows are written straight into the database with dates in the past, one just past its term
 * and one just within it, so each assertion tells "gone" from "kept". The access log is measured against the
 * database's own clock: its five years cannot be moved by a date the caller passes.
 */

let hub: TestHub;
let db: Db;
const logLines: Record<string, unknown>[] = [];
const logger = createLogger('retention-test', 'info', {
  write(line: string) {
    logLines.push(JSON.parse(line) as Record<string, unknown>);
  },
});

beforeAll(async () => {
  hub = await startTestHub({ env: REFERRAL_TEST_ENV });
  db = hub.database.db;
}, 120_000);
afterAll(async () => {
  await hub?.stop();
});

const YEAR = 365.25 * 24 * 3600 * 1000;
const ago = (years: number, from = new Date()) => new Date(from.getTime() - years * YEAR).toISOString();

async function count(statement: ReturnType<typeof sql>): Promise<number> {
  const [row] = rowsOf<{ n: number }>(await db.execute(statement));
  return Number(row?.n ?? 0);
}

async function insertClient(updatedAt: string): Promise<string> {
  const id = randomUUID();
  await db.execute(sql`insert into cases.client (id, given_name, family_name, date_of_birth, registered_by_organization_id, created_at, updated_at)
    values (${id}, 'Test', 'Bewaartermijn', '1950-01-01', ${randomUUID()}, ${updatedAt}::timestamptz, ${updatedAt}::timestamptz)`);
  return id;
}

async function insertTrajectory(clientId: string, closedAt: string | null): Promise<string> {
  const id = randomUUID();
  await db.execute(sql`insert into cases.trajectory (id, client_id, organization_id, counsellor, legal_domain, journey_phase, hulpvraag, status, closed_at)
    values (${id}, ${clientId}, ${randomUUID()}, ${JSON.stringify({ userId: null, name: 'X', formality: 'FORMAL' })}::jsonb, 'WMO_MAATWERKVOORZIENING',
      'BEFORE_INDICATION', 'Hulp', ${closedAt ? 'CLOSED' : 'OPEN'}, ${closedAt}::timestamptz)`);
  await db.execute(sql`insert into cases.contact_moment (id, trajectory_id, occurred_at, channel, summary, recorded_by_user_id)
    values (${randomUUID()}, ${id}, now(), 'PHONE', 'Gebeld', 'u1')`);
  return id;
}

async function insertConsent(clientId: string, revokedAt: string | null): Promise<string> {
  const id = randomUUID();
  await db.execute(sql`insert into cases.consent (id, client_id, categories, purpose, valid_from, given_by, recorded_how, recorded_by_user_id,
      recorded_by_organization_id, revoked_at)
    values (${id}, ${clientId}, '{IDENTITY}', 'WARM_HANDOVER', now() - interval '20 years', 'CLIENT', 'WRITTEN', 'u1', ${randomUUID()}, ${revokedAt}::timestamptz)`);
  return id;
}

async function insertAccessLogLine(recordedAt: string): Promise<string> {
  const id = randomUUID();
  await db.execute(sql`insert into cases.access_log (event_id, occurred_at, action, outcome, user_id, organization_id, role, client_id, data_categories,
      authorization_ground, request_id, trace_id, access_point, source_subgraph, recorded_at)
    values (${id}, ${recordedAt}::timestamptz, 'READ', 'PERMITTED', 'u1', ${randomUUID()}, 'CLIENTONDERSTEUNER', ${randomUUID()}, '{IDENTITY}',
      'TREATMENT_RELATIONSHIP', 'r', 't', 'cases:-:Query.client', 'cases', ${recordedAt}::timestamptz)`);
  return id;
}

const exists = (table: string, column: string, id: string) => count(sql`select count(*)::int as n from ${sql.raw(table)} where ${sql.raw(column)} = ${id}`);

describe('configuration', () => {
  it('refuses an access-log term below five years with a clear error', () => {
    expect(() => loadConfig({ RETENTION_ACCESS_LOG_YEARS: '4' })).toThrow(ConfigError);
    expect(() => loadConfig({ RETENTION_ACCESS_LOG_YEARS: '4' })).toThrow(/RETENTION_ACCESS_LOG_YEARS must be at least 5 \(NEN 7513/);
    expect(loadConfig({ RETENTION_ACCESS_LOG_YEARS: '7' }).retention.accessLogYears).toBe(7);
    // Daily in production, off elsewhere unless set.
    expect(loadConfig({}).retention.purgeIntervalHours).toBe(0);
    expect(loadConfig({ RETENTION_PURGE_INTERVAL_HOURS: '6' }).retention.purgeIntervalHours).toBe(6);
    expect(loadConfig({}).retention).toMatchObject({ accessLogYears: 5, trajectoryYears: 5, referralYears: 5, signalTextMonths: 24, notificationDays: 365 });
  });
});

describe('the cases purge', () => {
  it('removes what is past its term and keeps what is within it, table by table, and logs the counts', async () => {
    const asOf = new Date();
    // Client A: a trajectory closed six years ago, a consent revoked six years ago; nothing else: all of it goes.
    const a = await insertClient(ago(6));
    const aTrajectory = await insertTrajectory(a, ago(6));
    const aConsent = await insertConsent(a, ago(6));
    // Client B: one trajectory closed six years ago (goes), one closed four years ago (stays), so B and B's old consent stay.
    const b = await insertClient(ago(6));
    const bOld = await insertTrajectory(b, ago(6));
    const bRecent = await insertTrajectory(b, ago(4));
    const bConsent = await insertConsent(b, ago(6));
    // Client C: an open trajectory started long ago stays whatever its age.
    const c = await insertClient(ago(10));
    const cOpen = await insertTrajectory(c, null);
    // Access log: six and a half years old (goes), four and a half (stays), today (stays).
    const oldLine = await insertAccessLogLine(ago(6.5));
    const youngLine = await insertAccessLogLine(ago(4.5));
    const todayLine = await insertAccessLogLine(ago(0));

    const tables = ['cases.access_log', 'cases.contact_moment', 'cases.trajectory', 'cases.consent', 'cases.client'];
    const before = Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await count(sql`select count(*)::int as n from ${sql.raw(t)}`)])));
    logLines.length = 0;
    const result = await casesModule.purge(hub.database, { config: hub.config, logger, asOf });
    const after = Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await count(sql`select count(*)::int as n from ${sql.raw(t)}`)])));
    console.log('cases purge, rows before → after:', JSON.stringify(Object.fromEntries(tables.map((t) => [t, `${before[t]} → ${after[t]}`]))));

    expect(result.counts).toEqual({ 'cases.access_log': 1, 'cases.contact_moment': 2, 'cases.trajectory': 2, 'cases.consent': 1, 'cases.client': 1 });
    for (const t of tables) expect(after[t]).toBe(before[t] - (result.counts[t] ?? 0));
    expect(await exists('cases.client', 'id', a)).toBe(0);
    expect(await exists('cases.trajectory', 'id', aTrajectory)).toBe(0);
    expect(await exists('cases.consent', 'id', aConsent)).toBe(0);
    expect(await exists('cases.trajectory', 'id', bOld)).toBe(0);
    expect(await exists('cases.trajectory', 'id', bRecent)).toBe(1);
    expect(await exists('cases.contact_moment', 'trajectory_id', bRecent)).toBe(1);
    expect(await exists('cases.consent', 'id', bConsent)).toBe(1);
    expect(await exists('cases.client', 'id', b)).toBe(1);
    expect(await exists('cases.trajectory', 'id', cOpen)).toBe(1);
    expect(await exists('cases.client', 'id', c)).toBe(1);
    expect(await exists('cases.access_log', 'event_id', oldLine)).toBe(0);
    expect(await exists('cases.access_log', 'event_id', youngLine)).toBe(1);
    expect(await exists('cases.access_log', 'event_id', todayLine)).toBe(1);

    // One line per table with its count, and one for the run; no ids, names or text in them.
    const perTable = logLines.filter((l) => l.msg === 'retention purge').map((l) => l.retention);
    expect(perTable).toEqual(tables.map((table) => ({ table, effect: 'deleted', rows: result.counts[table] })));
    expect(logLines.some((l) => l.msg === 'retention run finished')).toBe(true);
    const text = JSON.stringify(logLines);
    for (const id of [a, b, aTrajectory, oldLine]) expect(text).not.toContain(id);
    expect(text).not.toContain('Bewaartermijn');

    // Time moved forward three years: B's recent trajectory is past its term now, then B's consent and B; the young
    // access-log line is still under five years by the database's clock and stays.
    const later = await casesModule.purge(hub.database, { config: hub.config, asOf: new Date(asOf.getTime() + 3 * YEAR) });
    expect(later.counts).toMatchObject({ 'cases.trajectory': 1, 'cases.consent': 1, 'cases.client': 1, 'cases.access_log': 0 });
    expect(await exists('cases.client', 'id', b)).toBe(0);
    expect(await exists('cases.access_log', 'event_id', youngLine)).toBe(1);
  });

  it('a second run (another replica) finds nothing left', async () => {
    const old = await insertClient(ago(7));
    await insertTrajectory(old, ago(7));
    const [first, second] = await Promise.all([
      casesModule.purge(hub.database, { config: hub.config }),
      casesModule.purge(hub.database, { config: hub.config }),
    ]);
    const total = (k: string) => (first.counts[k] ?? 0) + (second.counts[k] ?? 0);
    expect(total('cases.trajectory')).toBe(1);
    expect(total('cases.client')).toBe(1);
    const again = await casesModule.purge(hub.database, { config: hub.config });
    expect(Object.values(again.counts).every((n) => n === 0)).toBe(true);
  });

  it('keeps access-log lines younger than five years even with a hostile configuration and a date far ahead', async () => {
    const young = await insertAccessLogLine(ago(4.9));
    const old = await insertAccessLogLine(ago(5.1));
    // A configuration object built in code, past loadConfig's check.
    const hostile: HubConfig = { ...hub.config, retention: { ...hub.config.retention, accessLogYears: 0 } };
    const result = await casesModule.purge(hub.database, { config: hostile, asOf: new Date(Date.now() + 50 * YEAR) });
    expect(result.counts['cases.access_log']).toBe(1);
    expect(await exists('cases.access_log', 'event_id', old)).toBe(0);
    expect(await exists('cases.access_log', 'event_id', young)).toBe(1);
  });

  it('keeps a longer configured access-log term', async () => {
    const sixYears = await insertAccessLogLine(ago(6));
    const eightYears = await insertAccessLogLine(ago(8));
    const seven: HubConfig = { ...hub.config, retention: { ...hub.config.retention, accessLogYears: 7 } };
    await casesModule.purge(hub.database, { config: seven });
    expect(await exists('cases.access_log', 'event_id', sixYears)).toBe(1);
    expect(await exists('cases.access_log', 'event_id', eightYears)).toBe(0);
  });
});

describe('the signals purge', () => {
  it("clears a signal's free text after its term and keeps the row, so the counts stay", async () => {
    const insert = async (createdAt: string) => {
      const id = randomUUID();
      await db.execute(sql`insert into signals.signal (id, source, category, observed_on, description, created_at, gemeente_code)
        values (${id}, 'REPORTED', 'WACHTTIJD', '2020-01-01', 'Vrije tekst van de melder', ${createdAt}::timestamptz, 'GM0363')`);
      return id;
    };
    const old = await insert(ago(3));
    const recent = await insert(ago(1));
    const rows = () => count(sql`select count(*)::int as n from signals.signal`);
    const texts = () => count(sql`select count(*)::int as n from signals.signal where description is not null`);
    const [rowsBefore, textsBefore] = [await rows(), await texts()];
    const result = await signalsModule.purge(hub.database, { config: hub.config });
    console.log('signals purge, rows before → after:', `${rowsBefore} → ${await rows()}`, 'with text:', `${textsBefore} → ${await texts()}`);
    expect(result.counts['signals.signal']).toBe(1);
    expect(await rows()).toBe(rowsBefore);
    const description = async (id: string) =>
      rowsOf<{ description: string | null }>(await db.execute(sql`select description from signals.signal where id = ${id}`))[0]?.description;
    expect(await description(old)).toBeNull();
    expect(await description(recent)).toBe('Vrije tekst van de melder');
    // Two years on, the recent one is past its term too.
    await signalsModule.purge(hub.database, { config: hub.config, asOf: termBefore(new Date(), { years: -2 }) });
    expect(await description(recent)).toBeNull();
  });
});

describe('the notifications purge', () => {
  it('deletes sent e-mails, then notifications and events past their term; keeps recent ones and pending e-mails', async () => {
    const recipientId = randomUUID();
    await db.execute(sql`insert into notifications.recipient (id, organization_id, subject, roles, first_seen_at, last_seen_at)
      values (${recipientId}, ${randomUUID()}, ${`s-${recipientId}`}, '{CLIENTONDERSTEUNER}', now(), now())`);
    const make = async (createdAt: string, email: 'SENT' | 'PENDING' | null) => {
      const eventId = randomUUID();
      const notificationId = randomUUID();
      await db.execute(sql`insert into notifications.event (id, kind, item_type, item_id, audience, occurred_at, received_at, fanned_out_at)
        values (${eventId}, 'REFERRAL_RECEIVED', 'REFERRAL', ${randomUUID()}, '{}'::jsonb, ${createdAt}::timestamptz, ${createdAt}::timestamptz, ${createdAt}::timestamptz)`);
      await db.execute(sql`insert into notifications.notification (id, event_id, recipient_id, kind, occurred_at, created_at, email_mode)
        values (${notificationId}, ${eventId}, ${recipientId}, 'REFERRAL_RECEIVED', ${createdAt}::timestamptz, ${createdAt}::timestamptz, 'IMMEDIATE')`);
      if (email) {
        await db.execute(sql`insert into notifications.email_message (id, type, recipient_id, notification_id, status, next_attempt_at, created_at)
          values (${randomUUID()}, 'IMMEDIATE', ${recipientId}, ${notificationId}, ${email}, ${createdAt}::timestamptz, ${createdAt}::timestamptz)`);
      }
      return notificationId;
    };
    const oldSent = await make(ago(2), 'SENT');
    const oldPending = await make(ago(2), 'PENDING');
    const recent = await make(ago(0.5), 'SENT');
    const tables = ['notifications.email_message', 'notifications.notification', 'notifications.event'];
    const sizes = async () => Promise.all(tables.map((t) => count(sql`select count(*)::int as n from ${sql.raw(t)}`)));
    const before = await sizes();
    const result = await notificationsModule.purge(hub.database, { config: hub.config });
    const after = await sizes();
    console.log('notifications purge, rows before → after:', JSON.stringify(Object.fromEntries(tables.map((t, i) => [t, `${before[i]} → ${after[i]}`]))));
    expect(result.counts).toEqual({ 'notifications.email_message': 1, 'notifications.notification': 1, 'notifications.event': 1 });
    expect(await exists('notifications.notification', 'id', oldSent)).toBe(0);
    expect(await exists('notifications.notification', 'id', oldPending)).toBe(1);
    expect(await exists('notifications.notification', 'id', recent)).toBe(1);
  });
});

describe('the referrals purge', () => {
  it('deletes a finished referral with its timeline after its term; keeps recent and open ones', async () => {
    const parties = await makeParties(hub);
    const made = await makeClientWithTrajectory(hub, parties.sender);
    const consent = await recordHandoverConsent(hub, parties.sender, made.clientId, parties.receiver.organizationId);
    const create = async () =>
      dataOf<{ createReferral: { referral: { id: string; version: number } } }>(
        await hub.graphql(
          CREATE_REFERRAL,
          {
            input: referralInput(
              { clientId: made.clientId, trajectoryId: made.trajectoryId, toOrganizationId: parties.receiver.organizationId },
              { consentId: consent.id },
            ),
          },
          { token: parties.sender.token },
        ),
      ).createReferral.referral;
    const cancel = async (r: { id: string; version: number }) =>
      dataOf(
        await hub.graphql(
          `mutation($input: ReferralTransitionInput!) { cancelReferral(input: $input) { referral { id status } } }`,
          { input: { id: r.id, expectedVersion: r.version } },
          { token: parties.sender.token },
        ),
      );
    const [oldClosed, recentClosed, oldOpen] = [await create(), await create(), await create()];
    await cancel(oldClosed);
    await cancel(recentClosed);
    const backdate = (id: string, years: number) =>
      db.execute(sql`update referrals.referral set status_changed_at = ${ago(years)}::timestamptz where id = ${id}`);
    await backdate(oldClosed.id, 6);
    await backdate(recentClosed.id, 4);
    await backdate(oldOpen.id, 10);
    const sizes = async () => [
      await count(sql`select count(*)::int as n from referrals.referral`),
      await count(sql`select count(*)::int as n from referrals.referral_event`),
    ];
    const events = (id: string) => count(sql`select count(*)::int as n from referrals.referral_event where referral_id = ${id}`);
    expect(await events(oldClosed.id)).toBeGreaterThan(0);
    const before = await sizes();
    const result = await referralsModule.purge(hub.database, { config: hub.config });
    const after = await sizes();
    console.log(
      'referrals purge, rows before → after:',
      JSON.stringify({ 'referrals.referral': `${before[0]} → ${after[0]}`, 'referrals.referral_event': `${before[1]} → ${after[1]}` }),
    );
    expect(result.counts['referrals.referral']).toBe(1);
    expect(await exists('referrals.referral', 'id', oldClosed.id)).toBe(0);
    expect(await events(oldClosed.id)).toBe(0);
    expect(await exists('referrals.referral', 'id', recentClosed.id)).toBe(1);
    expect(await events(recentClosed.id)).toBeGreaterThan(0);
    expect(await exists('referrals.referral', 'id', oldOpen.id)).toBe(1);
    // Two years on, the recent one goes too; the open one never does.
    await referralsModule.purge(hub.database, { config: hub.config, asOf: termBefore(new Date(), { years: -2 }) });
    expect(await exists('referrals.referral', 'id', recentClosed.id)).toBe(0);
    expect(await exists('referrals.referral', 'id', oldOpen.id)).toBe(1);
  }, 60_000);
});

describe('the daily job beside each subgraph', () => {
  it('runs on its interval in every subgraph with terms, logs each table, and purges', async () => {
    // 0.0005 hours: the first run comes 1.8 seconds after start instead of a minute.
    const jobHub = await startTestHub({ captureLogs: true, env: { RETENTION_PURGE_INTERVAL_HOURS: '0.0005' } });
    try {
      const id = randomUUID();
      await jobHub.database.db.execute(sql`insert into signals.signal (id, source, category, observed_on, description, created_at)
        values (${id}, 'REPORTED', 'WACHTTIJD', '2020-01-01', 'Oude vrije tekst', now() - interval '3 years')`);
      const finished = () => new Set(jobHub.logs.filter((l) => l.msg === 'retention run finished').map((l) => l.service));
      const description = async () =>
        rowsOf<{ description: string | null }>(await jobHub.database.db.execute(sql`select description from signals.signal where id = ${id}`))[0]?.description;
      // The signal may land after the signals job's first run: wait for a run that saw it (the job repeats every 1.8 s).
      const deadline = Date.now() + 20_000;
      while ((finished().size < 5 || (await description()) !== null) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
      expect([...finished()].sort()).toEqual(['cases', 'notifications', 'referrals', 'signals', 'sociale-kaart']);
      const tables = new Set(jobHub.logs.filter((l) => l.msg === 'retention purge').map((l) => (l.retention as { table: string }).table));
      expect(tables).toEqual(
        new Set([
          'cases.access_log',
          'cases.contact_moment',
          'cases.trajectory',
          'cases.consent',
          'cases.client',
          'referrals.referral',
          'signals.signal',
          'notifications.email_message',
          'notifications.notification',
          'notifications.event',
          'sociale_kaart.directory_change',
        ]),
      );
      expect(await description()).toBeNull();
      expect(jobHub.logText()).not.toContain('Oude vrije tekst');
    } finally {
      await jobHub.stop();
    }
  }, 60_000);
});
