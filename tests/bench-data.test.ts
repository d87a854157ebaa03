import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inArray } from 'drizzle-orm';
import { boolean, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '@hub/config';
import { rowsOf, sql as drizzleSql, type Database } from '@hub/db';
import { demoIds, findPersonalData, isValidBsn, LEGAL_DOMAINS, LIFE_DOMAINS, TARGET_GROUPS, WLZ_SECTORS } from '@hub/domain';
import { createTestDatabase } from '@hub/testing';
import { generateBenchData, type GenerateResult } from '../bench/data/bench-data.ts';
import { copyInto } from '../bench/data/copy.ts';
import { BenchDataError } from '../bench/data/errors.ts';
import { readManifest } from '../bench/data/manifest.ts';
import { parseScale } from '../bench/data/scale.ts';
import { loadBenchSecrets, type BenchSecrets } from '../bench/src/secrets.ts';
import { createBsnCipher } from '../subgraphs/cases/src/bsn-crypto.ts';
import { decideConsent, type ConsentRow } from '../subgraphs/cases/src/consent/decide.ts';
import { consent } from '../subgraphs/cases/src/db/schema.ts';
import { wlzSchema } from '../subgraphs/cases/src/validation.ts';
import { decideTransition, type ReferralStatus, type TransitionAction } from '../subgraphs/referrals/src/transitions.ts';
import { handoverSummarySchema } from '../subgraphs/referrals/src/validation.ts';
import { AGE_BANDS, SIGNAL_CATEGORIES } from '../subgraphs/signals/src/validation.ts';

/**
 * The benchmark data generator at a tiny scale, on fresh server databases. It bulk-loads with COPY … FROM STDIN
 * through postgres.js, which only a PostgreSQL server offers (PGlite has no COPY FROM STDIN over postgres.js), so
 * this file runs only with DATABASE_URL; CI runs the suite against the server as well.
 */

// A Wednesday: the day before is a working day, so some deadlines fall on it (the sweep's edge case).
const REFERENCE_DATE = '2026-11-18';
const SCALE = 0.002;
const HALF = 0.001;

async function databaseUrlOf(database: Database): Promise<string> {
  const [row] = rowsOf<{ name: string }>(await database.db.execute(drizzleSql`select current_database() as name`));
  const url = new URL(loadConfig().databaseUrl ?? '');
  url.pathname = `/${row?.name ?? ''}`;
  return url.toString();
}

describe.skipIf(!process.env.DATABASE_URL)('bench:data generator', () => {
  let tmp: string;
  let secrets: BenchSecrets;
  let full: Database;
  let half: Database;
  let fullUrl: string;
  let halfUrl: string;
  let result: GenerateResult;
  let halfResult: GenerateResult;
  let sql: postgres.Sql;

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'bench-data-'));
    secrets = loadBenchSecrets(tmp);
    [full, half] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    [fullUrl, halfUrl] = await Promise.all([databaseUrlOf(full), databaseUrlOf(half)]);
    const common = { referenceDate: REFERENCE_DATE, secrets };
    result = await generateBenchData({ ...common, databaseUrl: fullUrl, scale: parseScale(String(SCALE)), manifestPath: join(tmp, 'full.json') });
    halfResult = await generateBenchData({ ...common, databaseUrl: halfUrl, scale: parseScale(String(HALF)), manifestPath: join(tmp, 'half.json') });
    sql = postgres(fullUrl, { max: 2, onnotice: () => {} });
  }, 120_000);

  afterAll(async () => {
    await sql?.end({ timeout: 5 });
    await Promise.all([full?.close(), half?.close()]);
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('loads every table, with counts that follow the scale', () => {
    const c = result.manifest.counts;
    const h = halfResult.manifest.counts;
    expect(c['cases.client']).toBe(Math.round(500_000 * SCALE));
    expect(h['cases.client']).toBe(Math.round(500_000 * HALF));
    expect(c['sociale_kaart.gemeente']).toBe(342);
    expect(c['sociale_kaart.zorgkantoorregio']).toBe(31);
    const clients = c['cases.client'] ?? 0;
    // Per-client proportions of the national dataset (plan.ts): ≥ 1.2 trajectories, ~0.47 referrals, ~2 access-log lines.
    const ratio = (table: string) => (c[table] ?? 0) / clients;
    expect(ratio('cases.trajectory')).toBeGreaterThan(1.2);
    expect(ratio('cases.trajectory')).toBeLessThan(1.32);
    expect(ratio('referrals.referral')).toBeGreaterThan(0.4);
    expect(ratio('referrals.referral_event')).toBeGreaterThan(3 * ratio('referrals.referral'));
    expect(ratio('cases.consent')).toBeGreaterThan(0.45);
    expect(ratio('cases.access_log')).toBeGreaterThan(1.8);
    expect(ratio('cases.contact_moment')).toBeGreaterThan(1.2);
    for (const table of [
      'cases.trajectory',
      'cases.consent',
      'cases.contact_moment',
      'cases.access_log',
      'referrals.referral',
      'referrals.referral_event',
      'signals.signal',
    ]) {
      const doubled = (c[table] ?? 0) / (h[table] ?? 1);
      expect(doubled, table).toBeGreaterThan(1.6);
      expect(doubled, table).toBeLessThan(2.4);
    }
    expect(c['signals.knelpunt']).toBeGreaterThan(0);
    expect(c['signals.knelpunt_signal']).toBeGreaterThan(0);
    // The manifest on disk is what the load driver reads.
    expect(readManifest(result.manifestPath).counts).toEqual(c);
  });

  it('keeps referential integrity across the subgraphs', async () => {
    const [orphans] = await sql<Record<string, number>[]>`select
      (select count(*)::int from cases.trajectory t where not exists (select 1 from cases.client c where c.id = t.client_id)) as trajectories,
      (select count(*)::int from referrals.referral r where not exists (
        select 1 from cases.trajectory t where t.id = r.source_trajectory_id and t.client_id = r.client_id and t.organization_id = r.from_organization_id
          and t.opened_at < r.created_at and (t.closed_at is null or t.closed_at > r.created_at))) as sources,
      (select count(*)::int from referrals.referral r join cases.trajectory t on t.id = r.source_trajectory_id
        where r.status in ('REQUESTED', 'ACCEPTED', 'IN_PROGRESS', 'ON_HOLD') and r.released_at is null and t.status <> 'OPEN') as closed_while_blocked,
      (select count(*)::int from referrals.referral r where r.sent_at is not null and not exists (
        select 1 from cases.consent k where k.id = r.consent_id and k.client_id = r.client_id and k.receiving_organization_id = r.to_organization_id
          and 'HANDOVER' = any(k.categories) and k.purpose = 'WARM_HANDOVER' and k.valid_from <= r.sent_at
          and (k.valid_until is null or k.valid_until > r.sent_at) and k.revoked_at is null)) as consents,
      (select count(*)::int from (select from_organization_id, idempotency_key from referrals.referral group by 1, 2 having count(*) > 1) d) as idempotency,
      (select count(*)::int from referrals.referral where request_hash !~ '^[0-9a-f]{64}$' or respond_by is null and sent_at is not null) as hashes,
      (select count(*)::int from cases.client c where c.registered_by_organization_id is distinct from (
        select o.id from sociale_kaart.organization o where o.gemeente_code = c.gemeente_code and o.type = 'GEMEENTE')) as registrations,
      (select count(*)::int from cases.trajectory t where not exists (select 1 from sociale_kaart.organization o where o.id = t.organization_id)) as trajectory_orgs,
      (select count(*)::int from referrals.referral r where not exists (select 1 from sociale_kaart.organization o where o.id = r.to_organization_id and o.type in ('ZORGKANTOOR', 'OCO'))) as receivers,
      (select count(*)::int from cases.trajectory t join cases.client c on c.id = t.client_id join sociale_kaart.gemeente g on g.code = c.gemeente_code
        join sociale_kaart.organization o on o.id = t.organization_id
        where t.legal_domain = 'WLZ' and (o.type <> 'ZORGKANTOOR' or o.zorgkantoorregio_code <> g.zorgkantoorregio_code)) as wlz_orgs,
      (select count(*)::int from cases.access_log a where not exists (select 1 from cases.client c where c.id = a.client_id)) as access_lines,
      (select count(*)::int from cases.consent k where k.valid_from > now() or k.created_at > now()) as future_consents,
      (select count(*)::int from referrals.referral where status = 'REQUESTED' and respond_by < ${REFERENCE_DATE}::date and respond_overdue_at is null
        or status = 'ACCEPTED' and start_by < ${REFERENCE_DATE}::date and start_overdue_at is null) as left_for_the_sweep`;
    expect(orphans).toEqual({
      trajectories: 0,
      sources: 0,
      closed_while_blocked: 0,
      consents: 0,
      idempotency: 0,
      hashes: 0,
      registrations: 0,
      trajectory_orgs: 0,
      receivers: 0,
      wlz_orgs: 0,
      access_lines: 0,
      future_consents: 0,
      // Every deadline that passed before the reference date was flagged as the relay would have: it finds nothing.
      left_for_the_sweep: 0,
    });
    const kinds = await sql<{ kind: string; n: number }[]>`select kind, count(*)::int as n from referrals.referral group by 1 order by 2 desc`;
    expect(kinds[0]?.kind).toBe('WMO_TO_WLZ');
    expect(kinds.map((k) => k.kind)).toContain('TO_OCO');
    const statuses = new Set((await sql<{ status: string }[]>`select distinct status from referrals.referral`).map((s) => s.status));
    for (const s of ['REQUESTED', 'ACCEPTED', 'IN_PROGRESS', 'COMPLETED', 'REJECTED', 'CANCELLED']) expect(statuses, s).toContain(s);
  });

  it('gives every referral valid content and a timeline the state machine allows, ending in its status', async () => {
    const referrals = await sql<
      {
        id: string;
        status: string;
        version: number;
        from_organization_id: string;
        to_organization_id: string;
        handover_summary: unknown;
        rejection_reason: string | null;
        respond_overdue_at: Date | null;
        start_overdue_at: Date | null;
      }[]
    >`select id, status, version, from_organization_id, to_organization_id, handover_summary, rejection_reason, respond_overdue_at, start_overdue_at from referrals.referral`;
    interface EventRow {
      referral_id: string;
      action: string;
      from_status: string | null;
      to_status: string;
      actor_organization_id: string | null;
      reason_code: string | null;
      version: number;
      occurred_at: Date;
    }
    const events = await sql<EventRow[]>`
      select referral_id, action, from_status, to_status, actor_organization_id, reason_code, version, occurred_at from referrals.referral_event order by referral_id, occurred_at, version`;
    const byReferral = new Map<string, EventRow[]>();
    for (const e of events) byReferral.set(e.referral_id, [...(byReferral.get(e.referral_id) ?? []), e]);
    expect(referrals.length).toBeGreaterThan(0);
    for (const r of referrals) {
      expect(handoverSummarySchema.safeParse(r.handover_summary).success).toBe(true);
      const timeline = byReferral.get(r.id) ?? [];
      const [first, ...rest] = timeline;
      expect(first?.action).toBe('CREATE');
      expect(first?.from_status).toBeNull();
      expect(['DRAFT', 'REQUESTED']).toContain(first?.to_status);
      expect(first?.version).toBe(1);
      let previous = first;
      for (const e of rest) {
        if (!previous) break;
        expect(e.from_status, `${r.id} ${e.action}`).toBe(previous.to_status);
        expect(e.occurred_at.getTime()).toBeGreaterThan(previous.occurred_at.getTime());
        if (e.action === 'OVERDUE') {
          expect(e.to_status).toBe(e.from_status);
          expect(e.version).toBe(previous.version);
          expect(e.reason_code).toBe(e.from_status === 'REQUESTED' ? 'RESPOND_BY' : 'START_BY');
        } else {
          const party = e.actor_organization_id === r.from_organization_id ? 'SENDER' : e.actor_organization_id === r.to_organization_id ? 'RECEIVER' : 'OTHER';
          const decision = decideTransition(e.action as TransitionAction, e.from_status as ReferralStatus, party);
          expect(decision, `${e.action} from ${e.from_status} by ${party}`).toEqual({ allowed: true, to: e.to_status });
          expect(e.version).toBe(previous.version + 1);
        }
        previous = e;
      }
      expect(previous?.to_status).toBe(r.status);
      expect(previous?.version).toBe(r.version);
      expect(timeline.some((e) => e.reason_code === 'RESPOND_BY')).toBe(r.respond_overdue_at !== null);
      expect(timeline.some((e) => e.reason_code === 'START_BY')).toBe(r.start_overdue_at !== null);
      if (r.status === 'REJECTED') expect(timeline.find((e) => e.action === 'REJECT')?.reason_code).toBe(r.rejection_reason);
    }
  });

  it('stores every BSN encrypted under the bench keys: each decrypts, passes the elfproef, matches its hash and is unique', async () => {
    const config = loadConfig({ BSN_ENCRYPTION_KEY: secrets.bsnEncryptionKey, BSN_HASH_KEY: secrets.bsnHashKey });
    const cipher = createBsnCipher(config.bsnEncryptionKeys, config.bsnHashKeys);
    const rows = await sql<{ bsn_encrypted: string | null; bsn_hash: string | null }[]>`select bsn_encrypted, bsn_hash from cases.client`;
    const seen = new Set<string>();
    for (const row of rows) {
      const bsn = row.bsn_encrypted ? cipher.decrypt(row.bsn_encrypted) : null;
      expect(bsn !== null && isValidBsn(bsn) && bsn.length === 9).toBe(true);
      if (bsn === null) continue;
      expect(cipher.hash(bsn)).toBe(row.bsn_hash);
      seen.add(bsn);
    }
    expect(seen.size).toBe(rows.length);
  });

  it('gives Wlz trajectories valid Wlz details', async () => {
    const rows = await sql<{ wlz: unknown }[]>`select wlz from cases.trajectory where legal_domain = 'WLZ'`;
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const parsed = wlzSchema.safeParse(row.wlz);
      expect(parsed.success).toBe(true);
      expect(parsed.data?.sector).not.toBeNull();
      expect(parsed.data?.zorgprofiel).not.toBeNull();
      expect(parsed.data?.leveringsvorm).not.toBeNull();
    }
  });

  it('makes signals from the code lists, consistent with gemeente_region, with descriptions the privacy guard accepts', async () => {
    const signals = await sql<
      {
        source: string;
        category: string;
        legal_domain: string | null;
        target_group: string | null;
        life_domain: string | null;
        wlz_sector: string | null;
        age_band: string | null;
        gemeente_code: string | null;
        zorgkantoorregio_code: string | null;
        mapped: string | null;
        description: string | null;
        service_ok: boolean;
        observed_on: string;
      }[]
    >`select s.source, s.category, s.legal_domain, s.target_group, s.life_domain, s.wlz_sector, s.age_band, s.gemeente_code, s.zorgkantoorregio_code,
        m.zorgkantoorregio_code as mapped, s.description, s.observed_on::text,
        (s.service_id is null or exists (select 1 from sociale_kaart.service x where x.id = s.service_id and x.organization_id = s.organization_id)) as service_ok
      from signals.signal s left join signals.gemeente_region m on m.gemeente_code = s.gemeente_code`;
    const inList = (list: readonly string[], v: string | null) => v === null || list.includes(v);
    for (const s of signals) {
      expect(SIGNAL_CATEGORIES as readonly string[]).toContain(s.category);
      expect(inList(LEGAL_DOMAINS, s.legal_domain) && inList(TARGET_GROUPS, s.target_group) && inList(LIFE_DOMAINS, s.life_domain)).toBe(true);
      expect(inList(WLZ_SECTORS, s.wlz_sector) && inList(AGE_BANDS, s.age_band)).toBe(true);
      if (s.gemeente_code !== null) expect(s.zorgkantoorregio_code).toBe(s.mapped);
      expect(s.zorgkantoorregio_code).toMatch(/^ZK\d{2}$/);
      expect(s.service_ok).toBe(true);
      // Reported up to the day before; the overdue sweep flags just after midnight, so a gap event may carry the day itself.
      expect(s.source === 'REPORTED' ? s.observed_on < REFERENCE_DATE : s.observed_on <= REFERENCE_DATE).toBe(true);
      // Reported signals span the current quarter and the seven before it (2025-Q1 … 2026-Q4).
      if (s.source === 'REPORTED') expect(s.observed_on >= '2025-01-01').toBe(true);
      if (s.description !== null) expect(findPersonalData(s.description), s.description).toBeNull();
    }
    expect(new Set(signals.map((s) => s.zorgkantoorregio_code)).size).toBeGreaterThan(20);
    const texts = await sql<{ text: string }[]>`
      select title as text from signals.knelpunt union all select description from signals.knelpunt union all select text from signals.decision
      union all select description from signals.action union all select text from signals.feedback`;
    for (const t of texts) expect(findPersonalData(t.text), t.text).toBeNull();
    const [mismatch] = await sql<{ n: number }[]>`select count(*)::int as n from signals.knelpunt_signal ks join signals.knelpunt k on k.id = ks.knelpunt_id
      join signals.overlegtafel o on o.id = k.overlegtafel_id join signals.signal s on s.id = ks.signal_id where s.zorgkantoorregio_code <> o.zorgkantoorregio_code`;
    expect(mismatch?.n).toBe(0);
  });

  it('gives sample clients that the gemeente sees through a consent, with a Wlz trajectory at the zorgkantoor and a referral', async () => {
    const { clientView, inbox, quarter } = result.manifest.samples;
    const gemeenteOrg = demoIds.gemeenteOrganization('GM0363');
    const zorgkantoorOrg = demoIds.zorgkantoorOrganization('ZK02');
    expect(clientView).toMatchObject({ organizationId: gemeenteOrg, gemeenteCode: 'GM0363' });
    expect(clientView.clientIds.length).toBeGreaterThan(0);
    const clients = await sql<{ id: string; registered_by_organization_id: string; gemeente_code: string }[]>`
      select id, registered_by_organization_id, gemeente_code from cases.client where id = any(${clientView.clientIds}::uuid[])`;
    expect(clients).toHaveLength(clientView.clientIds.length);
    const consents: ConsentRow[] = await full.db.select().from(consent).where(inArray(consent.clientId, clientView.clientIds));
    for (const c of clients) {
      expect(c.registered_by_organization_id).toBe(gemeenteOrg);
      expect(c.gemeente_code).toBe('GM0363');
      const [facts] = await sql<{ wlz: number; referrals: number }[]>`select
        (select count(*)::int from cases.trajectory where client_id = ${c.id} and organization_id = ${zorgkantoorOrg} and legal_domain = 'WLZ') as wlz,
        (select count(*)::int from referrals.referral where client_id = ${c.id}) as referrals`;
      expect(facts?.wlz).toBeGreaterThan(0);
      expect(facts?.referrals).toBeGreaterThan(0);
      // The cases subgraph's own consent decision for the Wlz trajectory's HANDOVER fields, read by the gemeente.
      const decision = decideConsent({
        own: false,
        consents: consents.filter((k) => k.clientId === c.id),
        requester: { organizationId: gemeenteOrg, organizationType: 'GEMEENTE', gemeenteCode: 'GM0363' },
        category: 'HANDOVER',
        purpose: 'INTEGRATED_SUPPORT',
        now: new Date(),
        holders: [zorgkantoorOrg],
      });
      expect(decision.permit).toBe(true);
    }
    const [counts] = await sql<{ received: number; requested: number }[]>`select count(*) filter (where status <> 'DRAFT')::int as received,
      count(*) filter (where status = 'REQUESTED')::int as requested from referrals.referral where to_organization_id = ${zorgkantoorOrg}`;
    expect(inbox).toEqual({ organizationId: zorgkantoorOrg, regionCode: 'ZK02', received: counts?.received, requested: counts?.requested });
    expect(quarter).toEqual({ regionCode: 'ZK22', quarter: '2026-Q3' });
  });

  it('refuses a database that holds data, and with replace produces the same ids again', async () => {
    const options = { databaseUrl: halfUrl, scale: parseScale(String(HALF)), referenceDate: REFERENCE_DATE, secrets, manifestPath: join(tmp, 'again.json') };
    await expect(generateBenchData(options)).rejects.toThrow(BenchDataError);
    const fingerprint = async () => {
      const db = postgres(halfUrl, { max: 1, onnotice: () => {} });
      try {
        const [row] = await db<Record<string, string>[]>`select
          (select md5(string_agg(id::text || bsn_hash || given_name || date_of_birth, ',' order by id)) from cases.client) as clients,
          (select md5(string_agg(id::text || client_id::text || opened_at::text, ',' order by id)) from cases.trajectory) as trajectories,
          (select md5(string_agg(id::text, ',' order by id)) from cases.consent) as consents,
          (select md5(string_agg(id::text, ',' order by id)) from cases.contact_moment) as moments,
          (select md5(string_agg(event_id::text, ',' order by event_id)) from cases.access_log) as access,
          (select md5(string_agg(id::text || status || version, ',' order by id)) from referrals.referral) as referrals,
          (select md5(string_agg(id::text || action || version, ',' order by id)) from referrals.referral_event) as events,
          (select md5(string_agg(id::text || observed_on::text, ',' order by id)) from signals.signal) as signals,
          (select md5(string_agg(id::text || status, ',' order by id)) from signals.knelpunt) as knelpunten,
          (select md5(string_agg(id::text, ',' order by id)) from sociale_kaart.service) as services`;
        return row;
      } finally {
        await db.end({ timeout: 5 });
      }
    };
    const before = await fingerprint();
    const again = await generateBenchData({ ...options, replace: true });
    expect(await fingerprint()).toEqual(before);
    expect(again.manifest.counts).toEqual(halfResult.manifest.counts);
    expect(again.manifest.samples).toEqual(halfResult.manifest.samples);
  }, 60_000);

  it('copies text, arrays, JSON and nulls exactly, and reports a refused row instead of hanging', async () => {
    const roundTrip = pgTable('bench_copy_round_trip', {
      id: uuid('id').primaryKey(),
      note: text('note'),
      tags: text('tags').array(),
      doc: jsonb('doc').$type<Record<string, unknown>>(),
      at: timestamp('at', { withTimezone: true }),
      flag: boolean('flag'),
      n: integer('n'),
    });
    await sql`create table bench_copy_round_trip (id uuid primary key, note text, tags text[], doc jsonb, at timestamptz, flag boolean, n integer)`;
    const rows: (typeof roundTrip.$inferInsert)[] = [
      {
        id: '00000000-0000-5000-8000-000000000001',
        note: 'tab\there, "quotes", back\\slash\nnew line\r\\N and \\.',
        tags: ['a,b', '{x}', 'quote"d', 'back\\slash', '', 'NULL', 'two words'],
        doc: { text: 'line\nbreak\ttab "q" \\ ', nested: [1, null, 'x'] },
        at: new Date('2026-03-29T01:30:00.123Z'),
        flag: true,
        n: -7,
      },
      { id: '00000000-0000-5000-8000-000000000002', note: null, tags: null, doc: null, at: null, flag: false, n: null },
    ];
    expect(await copyInto(sql, roundTrip, [rows])).toBe(2);
    const back = await full.db.select().from(roundTrip).orderBy(roundTrip.id);
    expect(back).toEqual(rows);
    // A duplicate key in the last chunk is only seen after the stream has ended: it must still come back as an error.
    await expect(copyInto(sql, roundTrip, [[{ ...rows[1], id: '00000000-0000-5000-8000-000000000002' }]])).rejects.toThrow(/duplicate key/);
  });
});
