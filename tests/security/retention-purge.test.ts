import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubConfig } from '@hub/config';
import { openDatabase, rowsOf, sql, type Database, type Db } from '@hub/db';
import { casesModule } from '@hub/cases';
import { dataOf, startTestHub, type TestHub } from '@hub/testing';
import {
  CREATE_REFERRAL,
  makeClientWithTrajectory,
  makeParties,
  recordHandoverConsent,
  referralInput,
  REFERRAL_TEST_ENV,
} from '../../subgraphs/referrals/test/helpers.ts';

/**
 * The purge of the NEN 7513 access log is the one way a line ever leaves it, and only after five years. An attacker
 * who reaches the purge entry point (the function, the module's purge, or the trigger's purge flag) with a crafted
 * date or configuration still cannot remove a line younger than five years, nor change or truncate the log. On PGlite
 * the hub's single user is the table's owner, so only the trigger stands in the way: it is tested there too.
 */

const YEAR = 365.25 * 24 * 3600 * 1000;
const ago = (years: number) => new Date(Date.now() - years * YEAR).toISOString();

/** The SQLSTATE of a refused statement (drizzle wraps the driver's error), or 'ok'. */
async function outcome(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
    return 'ok';
  } catch (error) {
    const e = error as { code?: string; cause?: { code?: string } };
    return e.code ?? e.cause?.code ?? String(error);
  }
}

async function insertLine(db: Db, recordedAt: string, occurredAt = recordedAt): Promise<string> {
  const id = randomUUID();
  await db.execute(sql`insert into cases.access_log (event_id, occurred_at, action, outcome, user_id, organization_id, role, client_id, data_categories,
      authorization_ground, request_id, trace_id, access_point, source_subgraph, recorded_at)
    values (${id}, ${occurredAt}::timestamptz, 'READ', 'PERMITTED', 'u1', ${randomUUID()}, 'CLIENTONDERSTEUNER', ${randomUUID()}, '{IDENTITY}',
      'TREATMENT_RELATIONSHIP', 'r', 't', 'cases:-:Query.client', 'cases', ${recordedAt}::timestamptz)`);
  return id;
}

const present = async (db: Db, id: string) =>
  rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from cases.access_log where event_id = ${id}`))[0]?.n === 1;

describe('the access-log purge cannot reach a recent line', () => {
  let hub: TestHub;
  let db: Db;
  beforeAll(async () => {
    hub = await startTestHub({ env: REFERRAL_TEST_ENV });
    db = hub.database.db;
  }, 120_000);
  afterAll(async () => {
    await hub?.stop();
  });

  it('the purge function with a date far ahead (or no date) deletes only lines older than five years', async () => {
    const recent = await insertLine(db, ago(4.99));
    const old = await insertLine(db, ago(5.01));
    for (const crafted of [sql`'2999-01-01'::timestamptz`, sql`'infinity'::timestamptz`, sql`null::timestamptz`]) {
      await db.execute(sql`select cases.purge_access_log(${crafted}, 100000)`);
      expect(await present(db, recent)).toBe(true);
    }
    expect(await present(db, old)).toBe(false);
  });

  it('a line recorded today but claiming an old occurrence stays (both dates must be past five years)', async () => {
    const backdated = await insertLine(db, ago(0), ago(30));
    await db.execute(sql`select cases.purge_access_log('2999-01-01'::timestamptz, 100000)`);
    expect(await present(db, backdated)).toBe(true);
  });

  it("the module's purge with a hostile configuration (0 years) and a date fifty years ahead keeps recent lines", async () => {
    const recent = await insertLine(db, ago(1));
    const hostile: HubConfig = { ...hub.config, retention: { ...hub.config.retention, accessLogYears: 0, batchSize: 1 } };
    await casesModule.purge(hub.database, { config: hostile, asOf: new Date(Date.now() + 50 * YEAR) });
    expect(await present(db, recent)).toBe(true);
  });

  it("the trigger's purge flag set by hand: a recent line cannot be deleted, no line updated, the log not truncated", async () => {
    const recent = await insertLine(db, ago(2));
    const old = await insertLine(db, ago(9));
    const withFlag = (statement: ReturnType<typeof sql>) =>
      outcome(() =>
        db.transaction(async (tx) => {
          await tx.execute(sql`select set_config('hub.access_log_purge', 'on', true)`);
          await tx.execute(statement);
        }),
      );
    expect(await withFlag(sql`delete from cases.access_log where event_id = ${recent}`)).toBe('42501');
    expect(await withFlag(sql`update cases.access_log set user_id = 'x' where event_id = ${old}`)).toBe('42501');
    expect(await withFlag(sql`truncate cases.access_log`)).toBe('42501');
    // Without the flag not even an old line goes: only the purge path deletes.
    expect(await outcome(() => db.execute(sql`delete from cases.access_log where event_id = ${old}`))).toBe('42501');
    expect(await present(db, recent)).toBe(true);
    expect(await present(db, old)).toBe(true);
  });
});

describe('the referral timeline purge cannot reach an open referral', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ env: REFERRAL_TEST_ENV });
  }, 120_000);
  afterAll(async () => {
    await hub?.stop();
  });

  it('neither the function with a crafted date nor the flag set by hand deletes an open referral or its timeline', async () => {
    const db = hub.database.db;
    const parties = await makeParties(hub);
    const made = await makeClientWithTrajectory(hub, parties.sender);
    const consent = await recordHandoverConsent(hub, parties.sender, made.clientId, parties.receiver.organizationId);
    const created = dataOf<{ createReferral: { referral: { id: string } } }>(
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
    await db.execute(sql`update referrals.referral set status_changed_at = now() - interval '30 years' where id = ${created.id}`);
    const events = async () =>
      rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from referrals.referral_event where referral_id = ${created.id}`))[0]?.n ?? 0;
    const before = await events();
    expect(before).toBeGreaterThan(0);
    for (const crafted of [sql`'infinity'::timestamptz`, sql`null::timestamptz`]) {
      await db.execute(sql`select referrals.purge_closed_referrals(${crafted}, 100000)`);
    }
    const byHand = await outcome(() =>
      db.transaction(async (tx) => {
        await tx.execute(sql`select set_config('hub.referral_purge', 'on', true)`);
        await tx.execute(sql`delete from referrals.referral_event where referral_id = ${created.id}`);
      }),
    );
    expect(byHand).not.toBe('ok');
    expect(await events()).toBe(before);
    const updated = await outcome(() => db.execute(sql`update referrals.referral_event set to_status = 'CANCELLED' where referral_id = ${created.id}`));
    expect(updated).not.toBe('ok');
  }, 60_000);
});

describe.skipIf(!process.env.DATABASE_URL)('the purge as the runtime role (server PostgreSQL only: PGlite has no roles)', () => {
  let hub: TestHub;
  let runtime: Database;
  beforeAll(async () => {
    hub = await startTestHub({ databaseRoles: true });
    runtime = await openDatabase({ url: hub.roles?.urls.cases, poolSize: 2 });
  }, 120_000);
  afterAll(async () => {
    await runtime?.close();
    await hub?.stop();
  });

  it('the daily job, connected as the runtime role, purges old lines through the owner function and nothing younger', async () => {
    const admin = hub.database.db;
    const recent = await insertLine(admin, ago(4.5));
    const old = await insertLine(admin, ago(5.5));
    const result = await casesModule.purge(runtime, { config: hub.config, asOf: new Date(Date.now() + 50 * YEAR) });
    expect(result.counts['cases.access_log']).toBe(1);
    expect(await present(admin, old)).toBe(false);
    expect(await present(admin, recent)).toBe(true);
    // The runtime role's own DELETE, flag or not, is refused by the grants.
    const direct = await outcome(() =>
      runtime.db.transaction(async (tx) => {
        await tx.execute(sql`select set_config('hub.access_log_purge', 'on', true)`);
        await tx.execute(sql`delete from cases.access_log where event_id = ${recent}`);
      }),
    );
    expect(direct).toBe('42501');
  });

  it('the referrals runtime role may call its purge function but not delete timeline entries itself', async () => {
    const referrals = await openDatabase({ url: hub.roles?.urls.referrals, poolSize: 1 });
    try {
      expect(await outcome(() => referrals.db.execute(sql`select referrals.purge_closed_referrals(now(), 10)`))).toBe('ok');
      expect(await outcome(() => referrals.db.execute(sql`delete from referrals.referral_event`))).toBe('42501');
      expect(await outcome(() => referrals.db.execute(sql`update referrals.referral_event set note = null`))).toBe('42501');
      expect(await outcome(() => referrals.db.execute(sql`truncate referrals.referral_event`))).toBe('42501');
    } finally {
      await referrals.close();
    }
  });
});
