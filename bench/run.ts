import { fork } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { operationFromDocument, Supergraph } from '@apollo/federation-internals';
import { prettyFormatQueryPlan, QueryPlanner } from '@apollo/query-planner';
import { parse } from 'graphql';
import { SUBGRAPH_NAMES, SUBGRAPHS, subgraphEnvKey } from '@hub/config';
import { demoIds } from '@hub/domain';
import { readSupergraph } from '@hub/gateway';
import { signToken } from '@hub/identity';
import { buildJourneys, JOURNEY_NAMES, STATEMENT_PROBES, type Journey, type JourneyContext, type JourneyName } from './src/journeys.ts';
import type { LoadResult, LoadTask } from './src/load.ts';
import { assertPortsFree, ProcessSampler, startService, waitForReady, type ProcessFigures, type ServiceProcess } from './src/processes.ts';
import { BENCH_TMP, benchEnvironment, loadBenchIssuer, loadBenchSecrets } from './src/secrets.ts';

/**
 * npm run bench: starts the hub in production mode as separate processes (four subgraphs, our gateway) plus Hive
 * Gateway on the same supergraph, on the database that `npm run bench:data` filled, and drives the four journeys at
 * several concurrencies from a separate load process: straight to the subgraphs, through our gateway, through Hive
 * Gateway. Prints and writes (bench/results/<label>.md and .json) throughput, latency percentiles, errors, CPU and
 * RSS per process, and SQL statements per operation.
 */

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DEFAULT_RESULTS = join(ROOT, 'bench', 'results');

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    concurrency: { type: 'string', default: '1,4,16,64' },
    journeys: { type: 'string', default: JOURNEY_NAMES.join(',') },
    engines: { type: 'string', default: 'direct,apollo,hive,apollo-cache' },
    label: { type: 'string' },
    manifest: { type: 'string' },
    out: { type: 'string' },
    'gateway-args': { type: 'string', default: '' },
    'gateway-workers': { type: 'string', default: '1' },
    'pool-size': { type: 'string', default: '10' },
    'port-offset': { type: 'string', default: '0' },
    help: { type: 'boolean', default: false },
  },
});

if (args.help) {
  console.log(`npm run bench [-- options]
  --duration S      measured seconds per run (default 10), after --warmup S (default 2)
  --concurrency L   comma-separated concurrencies (default 1,4,16,64)
  --journeys L      search,client,inbox,quarter (default all)
  --engines L       direct,apollo,hive,apollo-cache (default all; apollo-cache is our gateway with the response cache on)
  --label NAME      results file name under bench/results (default: the dataset's scale)
  --manifest FILE   the dataset manifest (default bench/.tmp/dataset.json, written by bench:data)
  --out DIR         where <label>.md and .json go (default bench/results)
  --gateway-args A  extra node arguments for our gateway process (e.g. --max-old-space-size=256)
  --gateway-workers N  processes of our gateway (GATEWAY_WORKERS, default 1)
  --pool-size N     database connections per subgraph (DATABASE_POOL_SIZE, default 10)
  --port-offset N   added to every port of the run (default 0: gateways 4100, 4110, 4120; subgraphs their default + 100)
Needs DATABASE_URL (the database npm run bench:data filled).`);
  process.exit(0);
}

type Engine = 'direct' | 'apollo' | 'hive' | 'apollo-cache';
const ENGINE_TITLES: Record<Engine, string> = {
  direct: 'direct to subgraphs',
  apollo: 'our gateway',
  hive: 'Hive Gateway',
  'apollo-cache': 'our gateway + response cache',
};
/** The process that serves an engine, for its CPU and RSS columns. */
const ENGINE_PROCESS: Record<Engine, string | undefined> = { direct: undefined, apollo: 'gateway', hive: 'hive-gateway', 'apollo-cache': 'gateway-cache' };

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error('DATABASE_URL must name the benchmark database (filled by `npm run bench:data`), e.g. postgres://postgres@127.0.0.1:5432/hub_bench');
  process.exit(2);
}
const manifestPath = args.manifest ?? join(BENCH_TMP, 'dataset.json');
if (!existsSync(manifestPath)) {
  console.error(`No dataset manifest at ${manifestPath}: run \`npm run bench:data -- --scale national\` first.`);
  process.exit(2);
}

interface Manifest {
  scale: string | number;
  generatedAt: string;
  seconds: Record<string, number>;
  counts: Record<string, number>;
  samples: {
    clientView: { organizationId: string; gemeenteCode: string; clientIds: string[] };
    inbox: { organizationId: string; regionCode: string };
    quarter: { regionCode: string; quarter: string };
  };
}
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;

const list = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
const concurrencies = list(args.concurrency).map(Number);
const journeyNames = list(args.journeys) as JourneyName[];
const engines = list(args.engines) as Engine[];
const durationMs = Number(args.duration) * 1000;
const warmupMs = Number(args.warmup) * 1000;
const label = args.label ?? String(manifest.scale);
const RESULTS = args.out ? resolve(args.out) : DEFAULT_RESULTS;

const portOffset = Number(args['port-offset']);
const PORTS = {
  gateway: 4100 + portOffset,
  hive: 4110 + portOffset,
  gatewayCache: 4120 + portOffset,
  // Each subgraph on its default port + 100, so a benchmark runs beside `npm start`.
  subgraphs: Object.fromEntries(SUBGRAPHS.map((s) => [s.name, s.defaultPort + 100 + portOffset])) as Record<string, number>,
};
/** Starting a process (tsx compiles it first) takes well over a minute when the machine is busy with other work. */
const READY_TIMEOUT_MS = 180_000;
const INBOX_REGIONS = ['ZK02', 'ZK22', 'ZK05', 'ZK13', 'ZK19', 'ZK30'];
const QUARTER_REGIONS = ['ZK22', 'ZK02', 'ZK09', 'ZK13', 'ZK25', 'ZK30'];

async function main(): Promise<void> {
  const logDir = join(BENCH_TMP, 'logs');
  mkdirSync(logDir, { recursive: true });
  mkdirSync(RESULTS, { recursive: true });
  const base = await benchEnvironment(databaseUrl as string);
  const env: Record<string, string> = {
    ...base,
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    GATEWAY_PORT: String(PORTS.gateway),
    HIVE_GATEWAY_PORT: String(PORTS.hive),
    // The benchmark drives one organisation far beyond a person's pace; the limit itself is tested in tests/limits.test.ts.
    RATE_LIMIT_PER_SECOND: '1000000',
    RATE_LIMIT_BURST: '10000000',
    // Webhook and outbox work would compete with the measured requests; the relay is measured by its own tests.
    REFERRAL_RELAY_INTERVAL_MS: '0',
    GATEWAY_WORKERS: args['gateway-workers'] ?? '1',
    DATABASE_POOL_SIZE: args['pool-size'] ?? '10',
  };
  const subgraphUrls: Record<string, string> = {};
  for (const name of SUBGRAPH_NAMES) {
    const key = subgraphEnvKey(name);
    const port = PORTS.subgraphs[name] ?? 0;
    env[`${key}_PORT`] = String(port);
    env[`${key}_URL`] = `http://127.0.0.1:${port}/graphql`;
    subgraphUrls[name] = `http://127.0.0.1:${port}/graphql`;
  }

  const services: ServiceProcess[] = [];
  const stopAll = async () => {
    await Promise.all(services.map((s) => s.stop()));
  };
  process.once('SIGINT', () => void stopAll().then(() => process.exit(130)));

  try {
    // A port held by another process would have its readiness check answered by that process.
    await assertPortsFree([PORTS.gateway, PORTS.hive, PORTS.gatewayCache, ...Object.values(PORTS.subgraphs)]);
    console.log(`Starting the hub in production mode on ${new URL(databaseUrl as string).pathname.slice(1)} …`);
    for (const name of SUBGRAPH_NAMES) {
      services.push(startService(name, join(ROOT, 'subgraphs', name, 'src', 'index.ts'), env, logDir));
    }
    for (const s of services) await waitForReady(s, `http://127.0.0.1:${PORTS.subgraphs[s.name]}/ready`, READY_TIMEOUT_MS);
    const gatewayArgs = list(args['gateway-args']?.replace(/\s+/g, ','));
    // Our gateway twice: as the peer of Hive Gateway (which caches nothing) without the response cache, and with it.
    const gateway = startService('gateway', join(ROOT, 'gateway', 'src', 'index.ts'), { ...env, DIRECTORY_CACHE_SECONDS: '0' }, logDir, gatewayArgs);
    services.push(gateway);
    await waitForReady(gateway, `http://127.0.0.1:${PORTS.gateway}/ready`, READY_TIMEOUT_MS);
    if (engines.includes('apollo-cache')) {
      const cached = startService(
        'gateway-cache',
        join(ROOT, 'gateway', 'src', 'index.ts'),
        { ...env, GATEWAY_PORT: String(PORTS.gatewayCache) },
        logDir,
        gatewayArgs,
      );
      services.push(cached);
      await waitForReady(cached, `http://127.0.0.1:${PORTS.gatewayCache}/ready`, READY_TIMEOUT_MS);
    }
    let hive: ServiceProcess | undefined;
    if (engines.includes('hive')) {
      hive = startService('hive-gateway', join(ROOT, 'bench', 'src', 'hive-gateway.ts'), env, logDir);
      services.push(hive);
      await waitForReady(hive, `http://127.0.0.1:${PORTS.hive}/graphql`, 60_000, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
    }

    const context = await journeyContext(subgraphUrls);
    const journeys = buildJourneys(context).filter((j) => journeyNames.includes(j.name));
    const targets: Record<Engine, LoadTask['target']> = {
      direct: { kind: 'direct' },
      apollo: { kind: 'gateway', url: `http://127.0.0.1:${PORTS.gateway}/graphql` },
      hive: { kind: 'gateway', url: `http://127.0.0.1:${PORTS.hive}/graphql` },
      'apollo-cache': { kind: 'gateway', url: `http://127.0.0.1:${PORTS.gatewayCache}/graphql` },
    };

    const firstRequestMs: Record<string, Record<string, number>> = {};
    for (const journey of journeys) firstRequestMs[journey.name] = await checkJourney(journey, targets);
    const plans = Object.fromEntries(journeys.map((j) => [j.name, queryPlan(j)]));
    const statements: Record<string, { small: number; large: number; smallLabel: string; largeLabel: string }> = {};
    for (const journey of journeys) statements[journey.name] = await probeStatements(journey, services);

    const pids: Record<string, number> = Object.fromEntries(services.map((s) => [s.name, s.pid]));
    const runs: RunRecord[] = [];
    for (const journey of journeys) {
      for (const concurrency of concurrencies) {
        for (const engine of engines) {
          const sampler = new ProcessSampler(pids);
          sampler.begin();
          const result = await runInLoadProcess({ context, journey: journey.name, target: targets[engine], concurrency, durationMs, warmupMs });
          const figures = sampler.end();
          runs.push({ journey: journey.name, engine, concurrency, result, figures });
          console.log(
            `${journey.name.padEnd(8)} c=${String(concurrency).padStart(2)} ${engine.padEnd(6)} ${String(result.throughput).padStart(8)} req/s  p50 ${result.latencyMs.p50} ms  p95 ${result.latencyMs.p95} ms  p99 ${result.latencyMs.p99} ms  errors ${result.errors}${result.errorSamples.length ? ` (${result.errorSamples.join('; ')})` : ''}`,
          );
        }
      }
    }

    const report = renderReport({ journeys, runs, plans, statements, firstRequestMs });
    writeFileSync(join(RESULTS, `${label}.md`), report);
    writeFileSync(
      join(RESULTS, `${label}.json`),
      `${JSON.stringify({ label, machine: machine(), manifest: { scale: manifest.scale, counts: manifest.counts, seconds: manifest.seconds }, statements, firstRequestMs, runs }, null, 2)}\n`,
    );
    console.log(`\n${report}\nWritten to ${relative(ROOT, join(RESULTS, label))}.md and ${label}.json`);
  } finally {
    await stopAll();
  }
}

interface RunRecord {
  journey: JourneyName;
  engine: Engine;
  concurrency: number;
  result: LoadResult;
  figures: Record<string, ProcessFigures>;
}

async function journeyContext(subgraphUrls: Record<string, string>): Promise<JourneyContext> {
  const issuer = await loadBenchIssuer();
  const secrets = loadBenchSecrets();
  const gemeenteOrg = manifest.samples.clientView.organizationId || demoIds.gemeenteOrganization('GM0363');
  const tokens: Record<string, string> = {
    toegang: await signToken(issuer, {
      subject: 'bench-toegang',
      organizationId: gemeenteOrg,
      organizationType: 'GEMEENTE',
      roles: ['TOEGANG'],
      gemeenteCode: 'GM0363',
    }),
    co: await signToken(issuer, {
      subject: 'bench-co',
      organizationId: gemeenteOrg,
      organizationType: 'GEMEENTE',
      roles: ['CLIENTONDERSTEUNER'],
      gemeenteCode: 'GM0363',
    }),
  };
  for (const region of new Set([...INBOX_REGIONS, ...QUARTER_REGIONS])) {
    tokens[`zk:${region}`] = await signToken(issuer, {
      subject: `bench-zk-${region.toLowerCase()}`,
      organizationId: demoIds.zorgkantoorOrganization(region),
      organizationType: 'ZORGKANTOOR',
      roles: ['ZORGBEMIDDELAAR', 'CLIENTONDERSTEUNER', 'OVERLEGTAFEL'],
      zorgkantoorregio: region,
    });
  }
  return {
    subgraphUrls,
    subgraphSecrets: secrets.subgraphSecrets,
    tokens,
    clientIds: manifest.samples.clientView.clientIds,
    inboxRegions: INBOX_REGIONS,
    quarter: { regions: QUARTER_REGIONS, quarter: manifest.samples.quarter.quarter },
  };
}

/**
 * One request per journey and engine before the load: a journey that answers with errors is not worth timing. Its
 * time is the cold one (the gateway plans the operation and caches the plan; the subgraphs prepare their statements).
 */
async function checkJourney(journey: Journey, targets: Record<Engine, LoadTask['target']>): Promise<Record<string, number>> {
  const times: Record<string, number> = {};
  for (const engine of engines) {
    const target = targets[engine];
    if (target.kind !== 'gateway') continue;
    const variant = journey.variants[0];
    if (!variant) throw new Error(`${journey.name}: no variants`);
    const started = performance.now();
    const res = await fetch(target.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${variant.token}` },
      body: JSON.stringify({ query: journey.query, operationName: journey.operationName, variables: variant.variables }),
    });
    const body = (await res.json()) as { data?: unknown; errors?: { message: string; path?: unknown; extensions?: { code?: string } }[] };
    times[engine] = Math.round((performance.now() - started) * 10) / 10;
    if (res.status !== 200 || body.errors?.length) {
      throw new Error(`${journey.name} through ${ENGINE_TITLES[engine]} answered ${res.status}: ${JSON.stringify(body.errors?.slice(0, 3))}`);
    }
  }
  return times;
}

function queryPlan(journey: Journey): string {
  const supergraph = Supergraph.build(readSupergraph());
  const planner = new QueryPlanner(supergraph);
  const operation = operationFromDocument(supergraph.schema, parse(journey.query), { operationName: journey.operationName });
  return prettyFormatQueryPlan(planner.buildQueryPlan(operation));
}

/**
 * SQL statements per operation, from the subgraphs' own request log lines (each carries the statement count of its
 * request and the request id the gateway propagated), for a small and a large list size.
 */
async function probeStatements(
  journey: Journey,
  services: ServiceProcess[],
): Promise<{ small: number; large: number; smallLabel: string; largeLabel: string }> {
  const variant = journey.variants[0];
  if (!variant) throw new Error(`${journey.name}: no variants`);
  const [smallLabel, smallVars, largeLabel, largeVars] = STATEMENT_PROBES[journey.name];
  const count = async (extra: Record<string, unknown>, tag: string): Promise<number> => {
    const res = await fetch(`http://127.0.0.1:${PORTS.gateway}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${variant.token}` },
      body: JSON.stringify({ query: journey.query, operationName: journey.operationName, variables: { ...variant.variables, ...extra } }),
    });
    const body = await res.text();
    if (res.status !== 200 || body.includes('"errors":')) throw new Error(`${journey.name} probe answered ${res.status}: ${body.slice(0, 300)}`);
    // The gateway makes its own request id (a caller's x-request-id is only logged as callerRequestId).
    const requestId = res.headers.get('x-request-id') ?? `no request id for ${journey.name} ${tag}`;
    await new Promise((r) => setTimeout(r, 300));
    let statements = 0;
    for (const s of services) {
      if (!(SUBGRAPH_NAMES as readonly string[]).includes(s.name)) continue;
      for (const line of readFileSync(s.logPath, 'utf8').split('\n')) {
        if (!line.includes(requestId)) continue;
        try {
          const entry = JSON.parse(line) as { reqId?: string; statements?: number };
          if (entry.reqId === requestId && typeof entry.statements === 'number') statements += entry.statements;
        } catch {
          // not a JSON log line
        }
      }
    }
    return statements;
  };
  // Counted on a warm hub: the first request after start-up also loads the sociale kaart's in-memory directory
  // (a few dozen statements, once per process), which is no cost of the operation.
  await count(smallVars, 'warm-up');
  return { small: await count(smallVars, 'small'), large: await count(largeVars, 'large'), smallLabel, largeLabel };
}

function runInLoadProcess(task: LoadTask): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = fork(join(ROOT, 'bench', 'src', 'load.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.once('message', (message: { ok: boolean; result?: LoadResult; error?: string }) => {
      if (message.ok && message.result) resolve(message.result);
      else reject(new Error(`load process: ${message.error}`));
    });
    child.once('exit', (code) => {
      if (code !== 0) reject(new Error(`load process exited with ${code}`));
    });
    child.send(task);
  });
}

function machine(): Record<string, unknown> {
  return { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version, date: new Date().toISOString() };
}

function renderReport(input: {
  journeys: Journey[];
  runs: RunRecord[];
  plans: Record<string, string>;
  statements: Record<string, { small: number; large: number; smallLabel: string; largeLabel: string }>;
  firstRequestMs: Record<string, Record<string, number>>;
}): string {
  const m = machine();
  const lines: string[] = [];
  lines.push(`# Benchmark: ${label}`, '');
  lines.push(
    `${m.date} · ${m.cpus} × ${m.cpuModel} · ${m.memoryGb} GB · Node ${m.node} · ${args.duration} s measured per run after ${args.warmup} s warm-up · closed loop, keep-alive, load from a separate process`,
    '',
  );
  lines.push(
    `Hub in production mode (NODE_ENV=production, LOG_LEVEL=info) as separate processes: GATEWAY_WORKERS=${args['gateway-workers']}, DATABASE_POOL_SIZE=${args['pool-size']} per subgraph, response cache off except for "our gateway + response cache" (DIRECTORY_CACHE_SECONDS=30).`,
    '',
  );
  lines.push('Dataset (`npm run bench:data`):', '');
  lines.push('| table | rows |', '| --- | ---: |');
  for (const [table, n] of Object.entries(manifest.counts)) lines.push(`| ${table} | ${n.toLocaleString('en-US')} |`);
  if (manifest.seconds.total !== undefined) lines.push('', `Generated and bulk-loaded in ${manifest.seconds.total} s.`);
  lines.push('');

  for (const journey of input.journeys) {
    lines.push(`## ${journey.title} (\`${journey.operationName}\`; ${journey.subgraphs.join(', ')})`, '');
    lines.push(
      '| concurrency | engine | req/s | p50 ms | p95 ms | p99 ms | errors | gateway CPU % | gateway RSS MB | subgraphs CPU % | max subgraph RSS MB | postgres CPU % |',
    );
    lines.push('| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const run of input.runs.filter((r) => r.journey === journey.name)) {
      const gatewayName = ENGINE_PROCESS[run.engine];
      const g = gatewayName ? run.figures[gatewayName] : undefined;
      const subs = SUBGRAPH_NAMES.map((n) => run.figures[n]).filter((f): f is ProcessFigures => Boolean(f));
      const r = run.result;
      lines.push(
        `| ${run.concurrency} | ${ENGINE_TITLES[run.engine]} | ${r.throughput} | ${r.latencyMs.p50} | ${r.latencyMs.p95} | ${r.latencyMs.p99} | ${r.errors} | ${g ? g.cpuPercent : '–'} | ${g ? g.maxRssMb : '–'} | ${subs.reduce((a, f) => a + f.cpuPercent, 0)} | ${Math.max(...subs.map((f) => f.maxRssMb))} | ${run.figures.postgres?.cpuPercent ?? '–'} |`,
      );
    }
    const s = input.statements[journey.name];
    if (s) lines.push('', `SQL statements per operation (all subgraphs): ${s.small} with ${s.smallLabel}, ${s.large} with ${s.largeLabel}.`);
    const cold = input.firstRequestMs[journey.name];
    if (cold && Object.keys(cold).length) {
      lines.push(
        '',
        `First request after start-up (query plan not cached yet): ${Object.entries(cold)
          .map(([engine, ms]) => `${ENGINE_TITLES[engine as Engine] ?? engine} ${ms} ms`)
          .join(', ')}.`,
      );
    }
    lines.push('', 'Query plan:', '', '```', input.plans[journey.name] ?? '', '```', '');
  }

  lines.push('## Overhead and peer comparison (p50 / throughput at each concurrency)', '');
  lines.push('| journey | concurrency | gateway − direct p50 ms | our req/s ÷ Hive req/s |', '| --- | ---: | ---: | ---: |');
  for (const journey of input.journeys) {
    for (const concurrency of concurrencies) {
      const find = (engine: Engine) => input.runs.find((r) => r.journey === journey.name && r.engine === engine && r.concurrency === concurrency)?.result;
      const direct = find('direct');
      const ours = find('apollo');
      const hive = find('hive');
      const overhead = direct && ours ? (ours.latencyMs.p50 - direct.latencyMs.p50).toFixed(2) : '–';
      const ratio = ours && hive ? (ours.throughput / hive.throughput).toFixed(2) : '–';
      lines.push(`| ${journey.name} | ${concurrency} | ${overhead} | ${ratio} |`);
    }
  }
  lines.push('', '## Peak RSS per process over all runs (MB)', '', '| process | max RSS MB | max CPU % |', '| --- | ---: | ---: |');
  const names = [...new Set(input.runs.flatMap((r) => Object.keys(r.figures)))].filter((n) => n !== 'postgres');
  for (const name of names) {
    const rss = Math.max(...input.runs.map((r) => r.figures[name]?.maxRssMb ?? 0));
    const cpu = Math.max(...input.runs.map((r) => r.figures[name]?.cpuPercent ?? 0));
    lines.push(`| ${name} | ${rss} | ${cpu} |`);
  }
  lines.push('');
  return lines.join('\n');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
