import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropRoles, roleNamesOf, rowsOf, sql } from '@hub/db';
import { migrateAndSeed } from '@hub/hub';
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
 * Least privilege on the PostgreSQL server (docs/operations.md, "Database roles"). With DATABASE_ROLES=provision each
 * subgraph's process connects as its own runtime role. An attacker who takes over the cases subgraph (and so its
 * database connection) can do the subgraph's own work, but cannot read or write another subgraph's schema, cannot
 * change, delete, truncate or un-trigger the NEN 7513 access log, cannot alter or drop its own tables, and cannot
 * delete a recent log line even through the purge function with a crafted date.
 *
 * PGlite is embedded with a single user and has no roles to separate: these tests need the server
 * (DATABASE_URL=postgres://…) and are skipped on PGlite.
 */
const onServer = Boolean(process.env.DATABASE_URL);
const SCHEMAS = ['cases', 'notifications', 'referrals', 'signals', 'sociale_kaart'];

/** The SQLSTATE of a refused statement, or 'ok' when it ran. */
async function outcome(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
    return 'ok';
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}

describe.skipIf(!onServer)('a subgraph connected as its own runtime role', () => {
  let hub: TestHub;
  /** The cases subgraph's runtime connection, as an attacker holding it would use it. */
  let cases: postgres.Sql;
  let clientId: string;

  beforeAll(async () => {
    hub = await startTestHub({ env: REFERRAL_TEST_ENV, databaseRoles: true });
    const url = hub.roles?.urls.cases;
    if (!url) throw new Error('the test hub provisioned no roles');
    cases = postgres(url, { max: 1, onnotice: () => {} });
  }, 120_000);
  afterAll(async () => {
    await cases?.end({ timeout: 5 });
    await hub?.stop();
  });

  it('runs a journey through the gateway: register a client, read it, log the access, refer it', async () => {
    const parties = await makeParties(hub);
    const made = await makeClientWithTrajectory(hub, parties.sender);
    clientId = made.clientId;
    const read = dataOf<{ client: { id: string } }>(
      await hub.graphql(`query($id: ID!) { client(id: $id) { id } }`, { id: clientId }, { token: parties.sender.token }),
    );
    expect(read.client.id).toBe(clientId);
    const consent = await recordHandoverConsent(hub, parties.sender, clientId, parties.receiver.organizationId);
    const created = dataOf<{ createReferral: { referral: { id: string; status: string } } }>(
      await hub.graphql(
        CREATE_REFERRAL,
        { input: referralInput({ clientId, trajectoryId: made.trajectoryId, toOrganizationId: parties.receiver.organizationId }, { consentId: consent.id }) },
        { token: parties.sender.token },
      ),
    );
    expect(created.createReferral.referral.status).toBe('REQUESTED');
    // The receiver opens it: the referrals subgraph asks cases for consent and sends an access-log line.
    const opened = await hub.graphql(
      `query($id: ID!) { referral(id: $id) { id status } }`,
      { id: created.createReferral.referral.id },
      { token: parties.receiver.token },
    );
    expect(opened.body.errors).toBeUndefined();
    const lines = rowsOf<{ n: number }>(await hub.database.db.execute(sql`select count(*)::int as n from cases.access_log where client_id = ${clientId}`));
    expect(lines[0]?.n).toBeGreaterThan(0);
    // Nothing was written by the administrator's connection: the subgraphs ran as their roles, the tables belong to the owners.
    const owners = rowsOf<{ schema: string; owner: string }>(
      await hub.database.db.execute(sql`select n.nspname as schema, n.nspowner::regrole::text as owner from pg_namespace n
        where n.nspname in ('sociale_kaart', 'cases', 'referrals', 'signals', 'notifications') order by 1`),
    );
    const prefix = hub.roles?.prefix ?? '';
    expect(owners).toEqual(
      ['cases', 'notifications', 'referrals', 'signals', 'sociale_kaart'].map((schema) => ({ schema, owner: roleNamesOf(prefix, schema).owner })),
    );
    const foreignTables = rowsOf<{ n: number }>(
      await hub.database.db.execute(sql`select count(*)::int as n from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname in ('sociale_kaart', 'cases', 'referrals', 'signals', 'notifications') and c.relkind in ('r', 'S')
          and c.relowner::regrole::text <> ${prefix} || '_' || n.nspname`),
    );
    expect(foreignTables[0]?.n).toBe(0);
  }, 60_000);

  it('connects as the runtime role, not as the owner or a superuser', async () => {
    const [me] = await cases<
      { user: string; superuser: boolean }[]
    >`select current_user as user, rolsuper as superuser from pg_roles where rolname = current_user`;
    expect(me?.user).toBe(roleNamesOf(hub.roles?.prefix ?? '', 'cases').runtime);
    expect(me?.superuser).toBe(false);
    expect(await outcome(() => cases.unsafe(`set role ${roleNamesOf(hub.roles?.prefix ?? '', 'cases').owner}`))).toBe('42501');
  });

  it('does its own work: reads and writes its own tables, appends to the access log', async () => {
    const [row] = await cases<{ n: number }[]>`select count(*)::int as n from cases.client`;
    expect(row?.n).toBeGreaterThan(0);
    expect(await outcome(() => cases`update cases.client set updated_at = updated_at where id = ${clientId}`)).toBe('ok');
    expect(
      await outcome(
        () => cases`insert into cases.access_log (event_id, occurred_at, action, outcome, user_id, organization_id, role, client_id, data_categories,
          authorization_ground, request_id, trace_id, access_point, source_subgraph)
          values (${randomUUID()}, now(), 'READ', 'PERMITTED', 'attacker', ${randomUUID()}, 'CLIENTONDERSTEUNER', ${clientId}, '{IDENTITY}',
          'TREATMENT_RELATIONSHIP', 'r', 't', 'cases:-:Query.client', 'cases')`,
      ),
    ).toBe('ok');
  });

  it("is refused another subgraph's schema: no read, no write (42501)", async () => {
    expect(await outcome(() => cases`select * from referrals.referral limit 1`)).toBe('42501');
    expect(await outcome(() => cases`select * from signals.signal limit 1`)).toBe('42501');
    expect(await outcome(() => cases`select * from notifications.recipient limit 1`)).toBe('42501');
    expect(await outcome(() => cases`select * from sociale_kaart.organization limit 1`)).toBe('42501');
    expect(await outcome(() => cases`delete from referrals.referral_event`)).toBe('42501');
    expect(await outcome(() => cases`insert into signals.signal (id) values (${randomUUID()})`)).toBe('42501');
    // Nor the migration bookkeeping, where a forged row would skip a migration.
    expect(await outcome(() => cases`select * from drizzle.cases_migrations`)).toBe('42501');
    expect(await outcome(() => cases`delete from drizzle.cases_migrations`)).toBe('42501');
  });

  it('cannot change, delete or truncate the access log: refused by the grants (42501), before the trigger', async () => {
    expect(await outcome(() => cases`update cases.access_log set user_id = 'someone else' where client_id = ${clientId}`)).toBe('42501');
    expect(await outcome(() => cases`delete from cases.access_log where client_id = ${clientId}`)).toBe('42501');
    expect(await outcome(() => cases`truncate cases.access_log`)).toBe('42501');
    // Turning the trigger off or dropping it needs ownership.
    expect(await outcome(() => cases`drop trigger access_log_no_update_delete on cases.access_log`)).toBe('42501');
    expect(await outcome(() => cases`alter table cases.access_log disable trigger all`)).toBe('42501');
    expect(await outcome(() => cases`drop function cases.access_log_refuse_change() cascade`)).toBe('42501');
    // With the purge flag set by hand the grant still refuses: the flag only helps the owner's function.
    const withFlag = await outcome(() =>
      cases.begin(async (tx) => {
        await tx`select set_config('hub.access_log_purge', 'on', true)`;
        await tx`delete from cases.access_log where client_id = ${clientId}`;
      }),
    );
    expect(withFlag).toBe('42501');
    const [left] = await cases<{ n: number }[]>`select count(*)::int as n from cases.access_log where client_id = ${clientId}`;
    expect(left?.n).toBeGreaterThan(0);
  });

  it('cannot alter, drop or create tables, even its own schema', async () => {
    expect(await outcome(() => cases`alter table cases.client add column stolen text`)).toBe('42501');
    expect(await outcome(() => cases`drop table cases.consent`)).toBe('42501');
    expect(await outcome(() => cases`truncate cases.client cascade`)).toBe('42501');
    expect(await outcome(() => cases`create table cases.extra (id int)`)).toBe('42501');
    expect(await outcome(() => cases`create table public.extra (id int)`)).toBe('42501');
    expect(await outcome(() => cases`create schema extra`)).toBe('42501');
    // Without the grant option a GRANT grants nothing (PostgreSQL only warns): nobody else may read the clients.
    await outcome(() => cases`grant select on cases.client to public`);
    const granted = rowsOf<{ n: number }>(
      await hub.database.db.execute(
        sql`select count(*)::int as n from information_schema.table_privileges where table_schema = 'cases' and grantee = 'PUBLIC'`,
      ),
    );
    expect(granted[0]?.n).toBe(0);
  });

  it('cannot delete a recent log line through the purge function, whatever date it passes', async () => {
    const [before] = await cases<{ n: number }[]>`select count(*)::int as n from cases.access_log`;
    for (const crafted of ['2999-01-01T00:00:00Z', 'infinity']) {
      const [purged] = await cases.unsafe<{ removed: number }[]>(`select cases.purge_access_log('${crafted}'::timestamptz, 100000) as removed`);
      expect(purged?.removed).toBe(0);
    }
    const [after] = await cases<{ n: number }[]>`select count(*)::int as n from cases.access_log`;
    expect(after?.n).toBe(before?.n);
    // The other subgraphs' runtime roles may not call it at all.
    const referrals = postgres(hub.roles?.urls.referrals ?? '', { max: 1, onnotice: () => {} });
    try {
      expect(await outcome(() => referrals`select cases.purge_access_log('2999-01-01'::timestamptz, 10)`)).toBe('42501');
    } finally {
      await referrals.end({ timeout: 5 });
    }
  });

  it("cannot rewrite or purge the sociale kaart's change log, which keeps every process's in-memory directory exact", async () => {
    const url = hub.roles?.urls['sociale-kaart'];
    if (!url) throw new Error('the test hub provisioned no sociale-kaart role');
    const directory = postgres(url, { max: 1, onnotice: () => {} });
    try {
      // Its own writes append to the log through the triggers …
      const [before] = await directory<{ n: number }[]>`select count(*)::int as n from sociale_kaart.directory_change`;
      expect(await outcome(() => directory`update sociale_kaart.gemeente set name = name where code = 'GM0363'`)).toBe('ok');
      const [after] = await directory<{ n: number }[]>`select count(*)::int as n from sociale_kaart.directory_change`;
      expect(after?.n).toBe((before?.n ?? 0) + 1);
      // … but a removed or altered line would hide a change from the other processes: refused by the grants.
      expect(await outcome(() => directory`delete from sociale_kaart.directory_change`)).toBe('42501');
      expect(await outcome(() => directory`update sociale_kaart.directory_change set seq = seq + 1000000`)).toBe('42501');
      expect(await outcome(() => directory`truncate sociale_kaart.directory_change`)).toBe('42501');
      expect(await outcome(() => directory`alter table sociale_kaart.service disable trigger service_directory_change`)).toBe('42501');
      expect(await outcome(() => directory`drop trigger service_directory_change on sociale_kaart.service`)).toBe('42501');
      // The owner's purge function removes only entries older than an hour, whatever date it is given (all of these
      // are younger), and never the newest; another subgraph's role may not call it at all.
      for (const crafted of ['2999-01-01T00:00:00Z', 'infinity']) {
        const [purged] = await directory.unsafe<{ removed: number }[]>(
          `select sociale_kaart.purge_directory_changes('${crafted}'::timestamptz, 100000) as removed`,
        );
        expect(purged?.removed).toBe(0);
      }
      const [kept] = await directory<{ n: number }[]>`select count(*)::int as n from sociale_kaart.directory_change`;
      expect(kept?.n).toBe(after?.n);
      const cases = postgres(hub.roles?.urls.cases ?? '', { max: 1, onnotice: () => {} });
      try {
        expect(await outcome(() => cases`select sociale_kaart.purge_directory_changes('2999-01-01'::timestamptz, 10)`)).toBe('42501');
      } finally {
        await cases.end({ timeout: 5 });
      }
    } finally {
      await directory.end({ timeout: 5 });
    }
  });
});

describe.skipIf(!onServer)('provisioning a database migrated before roles existed', () => {
  let hub: TestHub;
  const prefix = `t${randomUUID().replace(/-/g, '').slice(0, 10)}`;
  beforeAll(async () => {
    hub = await startTestHub();
  }, 120_000);
  afterAll(async () => {
    await hub?.stop();
    const serverUrl = process.env.DATABASE_URL;
    if (serverUrl) await dropRoles(serverUrl, prefix, SCHEMAS);
  });

  it('hands every schema, table, sequence and function to its owner, and a second run changes nothing', async () => {
    const ownersOf = async () =>
      rowsOf<{ owner: string; n: number }>(
        await hub.database.db.execute(sql`select owner, count(*)::int as n from (
          select c.relowner::regrole::text as owner from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = any(${sql.param(SCHEMAS)}::text[])
          union all select p.proowner::regrole::text from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = any(${sql.param(SCHEMAS)}::text[])
          union all select nspowner::regrole::text from pg_namespace where nspname = any(${sql.param(SCHEMAS)}::text[])) o group by owner order by owner`),
      );
    const before = await ownersOf();
    expect(before.map((o) => o.owner)).toEqual(['postgres']);
    const config = { ...hub.config, databaseRoles: { provision: true, prefix } };
    await migrateAndSeed(hub.database, { config });
    const after = await ownersOf();
    expect(after.map((o) => o.owner).sort()).toEqual(SCHEMAS.map((schema) => roleNamesOf(prefix, schema).owner).sort());
    expect(after.reduce((sum, o) => sum + o.n, 0)).toBe(before[0]?.n);
    await migrateAndSeed(hub.database, { config });
    expect(await ownersOf()).toEqual(after);
  }, 60_000);
});

describe.skipIf(onServer)('PGlite (embedded, one user)', () => {
  it('keeps its single user: DATABASE_ROLES=provision changes nothing and the hub runs', async () => {
    const hub = await startTestHub({ env: { DATABASE_ROLES: 'provision' } });
    try {
      expect(hub.database.kind).toBe('pglite');
      expect(hub.config.databaseRoles.provision).toBe(true);
      const [row] = rowsOf<{ n: number }>(await hub.database.db.execute(sql`select count(*)::int as n from pg_roles where rolname like 'hub\_%'`));
      expect(row?.n).toBe(0);
      const answer = await hub.graphql('{ __typename }');
      expect(answer.body.data).toEqual({ __typename: 'Query' });
    } finally {
      await hub.stop();
    }
  }, 60_000);
});
