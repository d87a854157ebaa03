import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { HUB_SCHEMAS } from './data/database.ts';
import { JOURNEY_NAMES, type JourneyName } from './src/journeys.ts';
import type { LoadResult } from './src/load.ts';
import { BENCH_TMP } from './src/secrets.ts';

/**
 * npm run bench:growth: how the cost of the four journeys grows with the data set. Runs `npm run bench` (bench/run.ts)
 * once per data set — each its own database, filled by `npm run bench:data` at a fraction of national scale — with the
 * same journeys, engines, concurrencies and duration, then combines their JSON into bench/results/growth.md and .json:
 * per journey and scale p50/p95 at each concurrency, req/s at the highest, SQL statements per operation, and the table
 * sizes of each data set. When every statement is index-bound, latency and statements stay flat while the tables grow.
 */

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RESULTS = join(ROOT, 'bench', 'results');
/** Each data set's own run of bench/run.ts writes here (ignored by git); growth.md and .json combine them. */
const RUNS_DIR = join(BENCH_TMP, 'growth');

/** label=database[,manifest]: 0.1×, 1× (the national data set) and 3×, as the benchmark documentation generates them. */
const DEFAULT_SETS = [
  '0.1=hub_bench_s01,bench/.tmp/dataset-s01.json',
  '1=hub_bench,bench/.tmp/dataset-national.json',
  '3=hub_bench_s3,bench/.tmp/dataset-s3.json',
];

const { values: args } = parseArgs({
  options: {
    set: { type: 'string', multiple: true },
    duration: { type: 'string', default: '5' },
    warmup: { type: 'string', default: '1' },
    concurrency: { type: 'string', default: '1,16' },
    journeys: { type: 'string', default: JOURNEY_NAMES.join(',') },
    engines: { type: 'string', default: 'direct,apollo' },
    label: { type: 'string', default: 'growth' },
    'port-offset': { type: 'string', default: '1000' },
    'combine-only': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

if (args.help) {
  console.log(`npm run bench:growth [-- options]
  --set F=DB[,MANIFEST]  a data set: F its size as a multiple of national, DB its database on the DATABASE_URL server,
                         MANIFEST the manifest bench:data wrote for it (default bench/.tmp/dataset-<DB>.json); repeat per set.
                         Default: ${DEFAULT_SETS.join(' ')}
  --duration S      measured seconds per run (default 5), after --warmup S (default 1)
  --concurrency L   comma-separated concurrencies (default 1,16)
  --engines L       engines of npm run bench (default direct,apollo)
  --journeys L      search,client,inbox,quarter (default all)
  --label NAME      results file name under bench/results (default growth)
  --port-offset N   passed to npm run bench (default 1000: gateway 5100, subgraphs 5101–5105), so it runs beside one
  --combine-only    no runs: combine the per-set results of an earlier run (bench/.tmp/growth)
DATABASE_URL names the server (its database part is replaced per set); default postgres://postgres@127.0.0.1:5432/.`);
  process.exit(0);
}

interface DataSet {
  /** Size as a multiple of the national data set, as given (e.g. "0.1"). */
  label: string;
  factor: number;
  database: string;
  databaseUrl: string;
  manifestPath: string;
}

const list = (value: string) =>
  value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

function parseSet(text: string, server: string): DataSet {
  const match = /^([^=]+)=([^,]+)(?:,(.+))?$/.exec(text);
  const factor = Number(match?.[1]);
  if (!match || !Number.isFinite(factor) || factor <= 0) throw new Error(`--set must be F=DATABASE[,MANIFEST] with F a number > 0, got "${text}"`);
  const database = (match[2] ?? '').trim();
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(database)) throw new Error(`--set: "${database}" is not a plain database name`);
  const url = new URL(server);
  url.pathname = `/${database}`;
  return {
    label: (match[1] ?? '').trim(),
    factor,
    database,
    databaseUrl: url.toString(),
    manifestPath: resolve(ROOT, match[3]?.trim() || join(BENCH_TMP, `dataset-${database}.json`)),
  };
}

const server = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const sets = (args.set?.length ? args.set : DEFAULT_SETS).map((s) => parseSet(s, server)).sort((a, b) => a.factor - b.factor);
const journeys = list(args.journeys) as JourneyName[];
const engines = list(args.engines);
const concurrencies = list(args.concurrency).map(Number);
const label = args.label;
const runLabel = (set: DataSet) => `${label}-${set.label}`;

/** What a run of bench/run.ts writes to its JSON file (the parts used here). */
interface RunFile {
  label: string;
  machine: Record<string, unknown>;
  manifest: { scale: string | number; counts: Record<string, number>; seconds: Record<string, number> };
  statements: Record<string, { small: number; large: number; smallLabel: string; largeLabel: string }>;
  firstRequestMs: Record<string, Record<string, number>>;
  runs: { journey: JourneyName; engine: string; concurrency: number; result: LoadResult; figures: Record<string, { cpuPercent: number; maxRssMb: number }> }[];
}

interface TableSize {
  /** Rows: the manifest's exact count at generation, or PostgreSQL's estimate (pg_class.reltuples) without one. */
  rows: number;
  /** Table, indexes and TOAST on disk now. */
  bytes: number;
}

interface SetResult {
  set: DataSet;
  /** The machine's 1-minute load average before and after the set's run (other work on it shows here). */
  load: { start: number; end: number } | undefined;
  run: RunFile;
  tables: Record<string, TableSize>;
  databaseBytes: number;
}

/** Table sizes of one data set, read from the catalogue (no table is scanned). */
async function tableSizes(set: DataSet, counts: Record<string, number>): Promise<{ tables: Record<string, TableSize>; databaseBytes: number }> {
  const sql = postgres(set.databaseUrl, { max: 1, onnotice: () => {}, connect_timeout: 10 });
  try {
    const rows = await sql<{ name: string; estimate: number; bytes: number }[]>`
      select n.nspname || '.' || c.relname as name, greatest(c.reltuples, 0)::float8 as estimate, pg_total_relation_size(c.oid)::float8 as bytes
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('r', 'p') and n.nspname in ${sql(HUB_SCHEMAS)}
      order by 1`;
    const [db] = await sql<{ bytes: number }[]>`select pg_database_size(current_database())::float8 as bytes`;
    const tables: Record<string, TableSize> = {};
    for (const r of rows) tables[r.name] = { rows: counts[r.name] ?? Math.round(r.estimate), bytes: r.bytes };
    return { tables, databaseBytes: db?.bytes ?? 0 };
  } finally {
    await sql.end({ timeout: 5 });
  }
}

async function databaseExists(set: DataSet): Promise<boolean> {
  const url = new URL(set.databaseUrl);
  url.pathname = '/postgres';
  const sql = postgres(url.toString(), { max: 1, onnotice: () => {}, connect_timeout: 10 });
  try {
    const [row] = await sql<{ exists: boolean }[]>`select exists(select 1 from pg_database where datname = ${set.database}) as exists`;
    return row?.exists ?? false;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** One `npm run bench` on one data set, its output passed through; rejects when it fails. */
function runBench(set: DataSet): Promise<void> {
  const argv = [
    '--import',
    'tsx',
    join(ROOT, 'bench', 'run.ts'),
    `--manifest=${set.manifestPath}`,
    `--label=${runLabel(set)}`,
    `--out=${RUNS_DIR}`,
    `--journeys=${journeys.join(',')}`,
    `--engines=${engines.join(',')}`,
    `--concurrency=${concurrencies.join(',')}`,
    `--duration=${args.duration}`,
    `--warmup=${args.warmup}`,
    `--port-offset=${args['port-offset']}`,
  ];
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, argv, { cwd: ROOT, env: { ...process.env, DATABASE_URL: set.databaseUrl }, stdio: 'inherit' });
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      code === 0 ? resolvePromise() : reject(new Error(`npm run bench on ${set.database} ended with ${signal ?? `exit code ${code}`}`)),
    );
  });
}

const ENGINE_TITLES: Record<string, string> = {
  direct: 'direct',
  apollo: 'our gateway',
  hive: 'Hive Gateway',
  'apollo-cache': 'our gateway + cache',
};
const JOURNEY_TITLES: Record<JourneyName, string> = {
  search: 'search (sociale kaart)',
  client: 'client view (cases → referrals, sociale kaart)',
  inbox: 'zorgkantoor inbox (referrals → sociale kaart)',
  quarter: 'quarter review (sociale kaart → signals → sociale kaart)',
};

const REFERENCE_TABLES = new Set(['sociale_kaart.gemeente', 'sociale_kaart.zorgkantoorregio', 'signals.gemeente_region', 'signals.overlegtafel']);
const fmt = (n: number) => n.toLocaleString('en-US');
const round1 = (n: number) => Math.round(n * 10) / 10;
const mb = (bytes: number) => (bytes / 2 ** 20 >= 100 ? fmt(Math.round(bytes / 2 ** 20)) : (bytes / 2 ** 20).toFixed(1));
const times = (set: DataSet) => `${set.label}×`;

function find(result: SetResult, journey: JourneyName, engine: string, concurrency: number): LoadResult | undefined {
  return result.run.runs.find((r) => r.journey === journey && r.engine === engine && r.concurrency === concurrency)?.result;
}

function render(results: SetResult[]): string {
  const machine = results[0]?.run.machine ?? {};
  const top = Math.max(...concurrencies);
  const lines: string[] = [];
  lines.push(`# Cost growth: the journeys at ${results.map((r) => times(r.set)).join(', ')} the national data set`, '');
  lines.push(
    `${new Date().toISOString()} · ${machine.cpus} × ${machine.cpuModel} · ${machine.memoryGb} GB · Node ${machine.node} · \`npm run bench\` per data set: ${args.duration} s measured per run after ${args.warmup} s warm-up, concurrency ${concurrencies.join(' and ')}, engines ${engines.map((e) => ENGINE_TITLES[e] ?? e).join(' and ')}`,
    '',
  );
  lines.push(
    "Each data set is its own database, generated by `npm run bench:data -- --scale <fraction>` with the same seed and keys; the hub, journeys and variables are the same in every run (the client view rotates through each set's own 200 sample clients). Latency at 1 client shows the cost of one operation; at 16 clients the machine's two cores are saturated, so it is mostly queueing.",
    '',
  );

  if (results.some((r) => r.load)) {
    lines.push(
      `The machine's 1-minute load average before and after each set's run: ${results.map((r) => `${times(r.set)} ${r.load ? `${r.load.start} → ${r.load.end}` : '–'}`).join(', ')} (2 cores: above 2, other work competed with the run).`,
      '',
    );
  }
  lines.push('## The data sets', '');
  // The tables the data set fills (at least 100 rows somewhere); the reference data (gemeenten, regions) is the same at every size.
  const tableNames = [...new Set(results.flatMap((r) => Object.keys(r.tables)))].filter(
    (name) => !REFERENCE_TABLES.has(name) && results.some((r) => (r.tables[name]?.rows ?? 0) >= 100),
  );
  lines.push(`| table | ${results.map((r) => `rows at ${times(r.set)}`).join(' | ')} | ${results.map((r) => `MB at ${times(r.set)}`).join(' | ')} |`);
  lines.push(`| --- | ${results.map(() => '---:').join(' | ')} | ${results.map(() => '---:').join(' | ')} |`);
  for (const name of tableNames) {
    lines.push(
      `| ${name} | ${results.map((r) => fmt(r.tables[name]?.rows ?? 0)).join(' | ')} | ${results.map((r) => mb(r.tables[name]?.bytes ?? 0)).join(' | ')} |`,
    );
  }
  lines.push(`| **database** | ${results.map(() => '').join(' | ')} | ${results.map((r) => `**${mb(r.databaseBytes)}**`).join(' | ')} |`, '');
  lines.push(
    'Rows as `bench:data` loaded them (its manifest); sizes (table, indexes and TOAST) as they are on disk now, so `cases.access_log` includes the lines earlier benchmark runs wrote.',
    '',
  );

  lines.push('## Latency, throughput and statements per journey', '');
  const engineCols = engines.flatMap((e) => concurrencies.map((c) => `${ENGINE_TITLES[e] ?? e} p50 / p95 ms at ${c}`));
  lines.push(
    `| journey | data set | ${engineCols.join(' | ')} | ${engines.map((e) => `${ENGINE_TITLES[e] ?? e} req/s at ${top}`).join(' | ')} | SQL statements (small / large list) | errors |`,
  );
  lines.push(`| --- | ---: | ${engineCols.map(() => '---:').join(' | ')} | ${engines.map(() => '---:').join(' | ')} | ---: | ---: |`);
  for (const journey of journeys) {
    for (const r of results) {
      const latency = engines.flatMap((e) =>
        concurrencies.map((c) => {
          const x = find(r, journey, e, c);
          return x ? `${x.latencyMs.p50} / ${x.latencyMs.p95}` : '–';
        }),
      );
      const throughput = engines.map((e) => {
        const x = find(r, journey, e, top);
        return x ? fmt(x.throughput) : '–';
      });
      const s = r.run.statements[journey];
      const errors = r.run.runs.filter((x) => x.journey === journey).reduce((n, x) => n + x.result.errors, 0);
      lines.push(`| ${journey} | ${times(r.set)} | ${latency.join(' | ')} | ${throughput.join(' | ')} | ${s ? `${s.small} / ${s.large}` : '–'} | ${errors} |`);
    }
  }
  lines.push('');

  const first = results[0];
  const last = results[results.length - 1];
  if (first && last && first !== last) {
    const factor = last.set.factor / first.set.factor;
    lines.push(`## Growth from ${times(first.set)} to ${times(last.set)} (${fmt(Math.round(factor * 10) / 10)} × the rows)`, '');
    lines.push(
      `| journey | ${engines.map((e) => `${ENGINE_TITLES[e] ?? e} p50 at 1: ${times(last.set)} ÷ ${times(first.set)}`).join(' | ')} | ${engines.map((e) => `${ENGINE_TITLES[e] ?? e} req/s at ${top}: ${times(last.set)} ÷ ${times(first.set)}`).join(' | ')} | statements the same at every size |`,
    );
    lines.push(`| --- | ${engines.map(() => '---:').join(' | ')} | ${engines.map(() => '---:').join(' | ')} | --- |`);
    const lowest = Math.min(...concurrencies);
    for (const journey of journeys) {
      const ratio = (a: number | undefined, b: number | undefined) => (a !== undefined && b !== undefined && b > 0 ? (a / b).toFixed(2) : '–');
      const p50 = engines.map((e) => ratio(find(last, journey, e, lowest)?.latencyMs.p50, find(first, journey, e, lowest)?.latencyMs.p50));
      const rps = engines.map((e) => ratio(find(last, journey, e, top)?.throughput, find(first, journey, e, top)?.throughput));
      const counts = results.map((r) => r.run.statements[journey]).map((s) => (s ? `${s.small}/${s.large}` : '–'));
      const same = new Set(counts).size === 1 ? `yes (${counts[0]})` : `no: ${counts.join(', ')}`;
      lines.push(`| ${journey} | ${p50.join(' | ')} | ${rps.join(' | ')} | ${same} |`);
    }
    lines.push('');
  }

  lines.push('Journeys:', '');
  for (const journey of journeys) lines.push(`- \`${journey}\` — ${JOURNEY_TITLES[journey]}`);
  lines.push(
    '',
    `Per data set, the full report of its run (query plans, CPU and RSS per process) is in bench/.tmp/growth/${label}-<size>.md; every figure is in ${label}.json.`,
    '',
  );
  return lines.join('\n');
}

async function main(): Promise<void> {
  for (const set of sets) {
    if (!existsSync(set.manifestPath)) {
      throw new Error(
        `No manifest for the ${times(set)} data set at ${relative(ROOT, set.manifestPath)}: generate it with DATABASE_URL=…/${set.database} npm run bench:data -- --scale ${set.factor === 1 ? 'national' : set.label}, then copy bench/.tmp/dataset.json there.`,
      );
    }
    if (!(await databaseExists(set))) throw new Error(`The ${times(set)} data set's database ${set.database} does not exist on the server.`);
  }
  mkdirSync(RUNS_DIR, { recursive: true });
  mkdirSync(RESULTS, { recursive: true });
  const started = performance.now();
  if (!args['combine-only']) {
    for (const set of sets) {
      console.log(`\n=== ${times(set)} national: ${set.database} (${relative(ROOT, set.manifestPath)}) ===\n`);
      const start = round1(loadavg()[0] ?? 0);
      await runBench(set);
      // Kept beside the run's own results, so a later --combine-only still reports it.
      writeFileSync(join(RUNS_DIR, `${runLabel(set)}.load.json`), `${JSON.stringify({ start, end: round1(loadavg()[0] ?? 0) })}\n`);
    }
  }
  const results: SetResult[] = [];
  for (const set of sets) {
    const path = join(RUNS_DIR, `${runLabel(set)}.json`);
    if (!existsSync(path)) throw new Error(`No results of the ${times(set)} data set at ${relative(ROOT, path)}: run without --combine-only.`);
    const run = JSON.parse(readFileSync(path, 'utf8')) as RunFile;
    const manifest = JSON.parse(readFileSync(set.manifestPath, 'utf8')) as { counts?: Record<string, number> };
    const loadPath = join(RUNS_DIR, `${runLabel(set)}.load.json`);
    const load = existsSync(loadPath) ? (JSON.parse(readFileSync(loadPath, 'utf8')) as { start: number; end: number }) : undefined;
    results.push({ set, run, load, ...(await tableSizes(set, manifest.counts ?? {})) });
  }
  const report = render(results);
  writeFileSync(join(RESULTS, `${label}.md`), report);
  writeFileSync(
    join(RESULTS, `${label}.json`),
    `${JSON.stringify(
      {
        label,
        date: new Date().toISOString(),
        machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version },
        options: { duration: Number(args.duration), warmup: Number(args.warmup), concurrencies, engines, journeys },
        sets: results.map((r) => ({
          size: r.set.factor,
          database: r.set.database,
          manifestScale: r.run.manifest.scale,
          loadAverage: r.load,
          databaseBytes: r.databaseBytes,
          tables: r.tables,
          statements: r.run.statements,
          firstRequestMs: r.run.firstRequestMs,
          runs: r.run.runs,
        })),
      },
      null,
      2,
    )}\n`,
  );
  console.log(`\n${report}\nWritten to bench/results/${label}.md and ${label}.json (${Math.round((performance.now() - started) / 1000)} s).`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
