import postgres from 'postgres';
import type { PgTable } from 'drizzle-orm/pg-core';
import { loadConfig } from '@hub/config';
import { openDatabase } from '@hub/db';
import { migrateAndSeed } from '@hub/hub';
import { createBsnCipher } from '../../subgraphs/cases/src/bsn-crypto.ts';
import { amsterdamDate } from '../../subgraphs/referrals/src/deadlines.ts';
import {
  action,
  decision,
  feedback,
  knelpunt,
  knelpuntSignal,
  knelpuntTransition,
  meeting,
  overlegtafelMember,
  signal,
} from '../../subgraphs/signals/src/db/schema.ts';
import { loadDemoData as loadSocialeKaartDemo } from '../../subgraphs/sociale-kaart/src/demo-data.ts';
import { loadBenchSecrets, type BenchSecrets } from '../src/secrets.ts';
import { chunked, copyInto, copyMany } from './copy.ts';
import { dropHubSchemas, ensureDatabase, HUB_SCHEMAS, tablesWithData } from './database.ts';
import { BenchDataError } from './errors.ts';
import { buildSamples, MANIFEST_PATH, writeManifest, type DatasetManifest } from './manifest.ts';
import { BenchIds, Staff } from './plan.ts';
import {
  accessLogRows,
  batchesOf,
  clientRows,
  consentRows,
  contactMomentRows,
  referralEventRows,
  referralRows,
  trajectoryRows,
  type GapSignalSource,
  type PassContext,
  type RowBuilder,
} from './rows.ts';
import type { BenchScale } from './scale.ts';
import { buildSignals } from './signals.ts';
import { buildWorld } from './world.ts';

/**
 * The benchmark dataset generator: migrations and reference data through the hub's own migrateAndSeed, the sociale
 * kaart through its demo generator, then everything else bulk-loaded with COPY, then ANALYZE and the manifest.
 * Deterministic: the same scale and reference date give the same ids and rows (only the BSN ciphertexts differ, since
 * every encryption draws a fresh IV; their hashes are the same).
 */

export interface StepResult {
  step: string;
  rows: number;
  seconds: number;
  /** Rows per table, for a step that loads several tables at once. */
  tables?: Record<string, number>;
}

export interface GenerateOptions {
  databaseUrl: string;
  scale: BenchScale;
  /** Drop and recreate the hub schemas when they hold data; without it such a database is refused. */
  replace?: boolean | undefined;
  /** YYYY-MM-DD the data is relative to; default today in Europe/Amsterdam. */
  referenceDate?: string | undefined;
  /** The benchmark secrets whose BSN keys encrypt the BSNs; default loadBenchSecrets() (bench/.tmp). */
  secrets?: BenchSecrets | undefined;
  /** Where the manifest goes; default bench/.tmp/dataset.json. */
  manifestPath?: string | undefined;
  /** Called after each step (rows and seconds only: nothing personal is ever logged). */
  log?: ((step: StepResult) => void) | undefined;
}

export interface GenerateResult {
  manifest: DatasetManifest;
  manifestPath: string;
  steps: StepResult[];
}

/**
 * Clients per COPY batch (a few hundred rows per table, some 100 KB of text). The rows of a small batch die young in
 * V8's nursery; those of large batches were promoted, and at 2,000 clients the national run's heap passed 1 GB.
 */
const CLIENTS_PER_BATCH = 100;
/** Rows per COPY message for the tables built in memory (signals). */
const CHUNK_ROWS = 4000;

export async function generateBenchData(options: GenerateOptions): Promise<GenerateResult> {
  const started = performance.now();
  const steps: StepResult[] = [];
  const record = (step: string, rows: number, since: number, tables?: Record<string, number>) => {
    const result: StepResult = { step, rows, seconds: Math.round((performance.now() - since) / 10) / 100, ...(tables ? { tables } : {}) };
    steps.push(result);
    options.log?.(result);
  };
  const referenceDate = options.referenceDate ?? amsterdamDate(new Date());
  if (!/^\d{4}-\d{2}-\d{2}$/.test(referenceDate)) throw new BenchDataError(`referenceDate must be YYYY-MM-DD, got "${referenceDate}"`);
  const secrets = options.secrets ?? loadBenchSecrets();
  // The hub's own config decodes the keys, so the cases subgraph started with these secrets reads the same BSNs.
  const config = loadConfig({
    DATABASE_URL: options.databaseUrl,
    SEED_DEMO: 'false',
    BSN_ENCRYPTION_KEY: secrets.bsnEncryptionKey,
    BSN_HASH_KEY: secrets.bsnHashKey,
  });

  let t = performance.now();
  const { created } = await ensureDatabase(options.databaseUrl);
  // COPY and maintenance go through sessions of their own (one per table of a pass); a commit lost in a crash only
  // means running again, so the server need not wait for the WAL flush.
  const sql = postgres(options.databaseUrl, {
    max: 3,
    onnotice: () => {},
    connect_timeout: 10,
    connection: { synchronous_commit: 'off', maintenance_work_mem: '256MB' },
  });
  try {
    const filled = created ? [] : await tablesWithData(sql);
    if (filled.length > 0) {
      if (!options.replace) {
        throw new BenchDataError(
          `The hub schemas (${HUB_SCHEMAS.join(', ')}) of this database already hold data (${filled.length} tables, e.g. ${filled.slice(0, 3).join(', ')}). ` +
            'Run again with --replace to drop and recreate them, or use another database.',
        );
      }
      await dropHubSchemas(sql);
    }
    record(filled.length > 0 ? 'database (replaced)' : created ? 'database (created)' : 'database', 0, t);

    t = performance.now();
    const database = await openDatabase({ url: options.databaseUrl, poolSize: 2 });
    let services = 0;
    try {
      await migrateAndSeed(database, { config });
      const [reference] = await sql<
        { n: number }[]
      >`select (select count(*) from sociale_kaart.gemeente) + (select count(*) from sociale_kaart.zorgkantoorregio)
        + (select count(*) from signals.gemeente_region) + (select count(*) from signals.overlegtafel) as n`;
      record('migrations + reference data', Number(reference?.n ?? 0), t);

      t = performance.now();
      const world = buildWorld(options.scale, referenceDate, { respondDays: config.referrals.respondDays, startDays: config.referrals.startDays });
      const loaded = await loadSocialeKaartDemo(database.db, world.volumes.socialeKaartScale);
      services = loaded.services;
      record('sociale_kaart services (demo generator)', services, t);

      const ctx: PassContext = { world, ids: new BenchIds(world.volumes.clients), staff: new Staff(), clientsPerBatch: CLIENTS_PER_BATCH };
      const cipher = createBsnCipher(config.bsnEncryptionKeys, config.bsnHashKeys);
      const gaps: GapSignalSource[] = [];
      // Three passes over the clients, each feeding its tables at once; a table's foreign keys point only at
      // tables of an earlier pass, whose COPY has committed by then.
      const passes: RowBuilder[][] = [
        [clientRows(cipher), referralRows(gaps), accessLogRows()],
        [trajectoryRows(), consentRows(), referralEventRows()],
        [contactMomentRows()],
      ];
      for (const builders of passes) {
        const since = performance.now();
        const tables = await copyMany(
          sql,
          builders.map((b) => b.target),
          batchesOf(ctx, builders),
        );
        record(
          `copy ${Object.keys(tables).join(' + ')}`,
          Object.values(tables).reduce((a, b) => a + b, 0),
          since,
          tables,
        );
      }

      t = performance.now();
      const s = buildSignals(world, ctx.staff, gaps);
      const signalTables: [PgTable, Record<string, unknown>[]][] = [
        [signal, s.signals],
        [overlegtafelMember, s.members],
        [meeting, s.meetings],
        [knelpunt, s.knelpunten],
        [knelpuntSignal, s.knelpuntSignals],
        [knelpuntTransition, s.transitions],
        [decision, s.decisions],
        [action, s.actions],
        [feedback, s.feedback],
      ];
      let signalRows = 0;
      for (const [table, rows] of signalTables) signalRows += await copyInto(sql, table, chunked(rows, CHUNK_ROWS));
      record('signals (signals, overlegtafels, knelpunten)', signalRows, t);
    } finally {
      await database.close();
    }

    t = performance.now();
    // VACUUM as well as ANALYZE: a bulk load leaves the GIN indexes' pending lists full (fastupdate), and until they are
    // merged every array and text lookup reads them whole (a gemeente filter read 346 pages instead of 3: 6 ms, not 0.6).
    await sql.unsafe(`vacuum (analyze) ${HUB_SCHEMAS.flatMap((schema) => tablesOf(schema)).join(', ')}`);
    record('vacuum + analyze', 0, t);

    const counts = await countRows(sql);
    const total = Math.round((performance.now() - started) / 10) / 100;
    const manifest: DatasetManifest = {
      scale: options.scale.label,
      generatedAt: new Date().toISOString(),
      referenceDate,
      seconds: { total, ...Object.fromEntries(steps.map((s) => [s.step, s.seconds])) },
      counts,
      samples: await buildSamples(sql, referenceDate),
    };
    const manifestPath = writeManifest(manifest, options.manifestPath ?? MANIFEST_PATH);
    return { manifest, manifestPath, steps };
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** The tables loaded here, for ANALYZE (qualified, quoted). */
function tablesOf(schema: string): string[] {
  const tables: Record<string, string[]> = {
    sociale_kaart: ['organization', 'location', 'service', 'service_location', 'search_word'],
    cases: ['client', 'trajectory', 'contact_moment', 'consent', 'access_log'],
    referrals: ['referral', 'referral_event'],
    signals: ['signal', 'overlegtafel_member', 'meeting', 'knelpunt', 'knelpunt_signal', 'knelpunt_transition', 'decision', 'action', 'feedback'],
  };
  return (tables[schema] ?? []).map((t) => `"${schema}"."${t}"`);
}

/** Exact row counts of every table of the hub schemas. */
async function countRows(sql: postgres.Sql): Promise<Record<string, number>> {
  const tables = await sql<{ schema: string; name: string }[]>`
    select table_schema as schema, table_name as name from information_schema.tables
    where table_schema in ${sql(HUB_SCHEMAS)} and table_type = 'BASE TABLE' order by 1, 2`;
  const counts: Record<string, number> = {};
  for (const { schema, name } of tables) {
    const [row] = await sql<{ n: number }[]>`select count(*)::int as n from ${sql(schema)}.${sql(name)}`;
    counts[`${schema}.${name}`] = row?.n ?? 0;
  }
  return counts;
}
