import { parseArgs } from 'node:util';
import { loadConfig } from '@hub/config';
import { generateBenchData, type StepResult } from './bench-data.ts';
import { BenchDataError } from './errors.ts';
import { parseScale } from './scale.ts';

/**
 * `npm run bench:data -- [--scale national|small|<fraction>] [--replace]`: fills the PostgreSQL database named by
 * DATABASE_URL with the benchmark dataset and writes bench/.tmp/dataset.json. Prints rows and seconds per step; never
 * a BSN or a name.
 */

const usage = 'Usage: DATABASE_URL=postgres://… npm run bench:data -- [--scale national|small|<fraction>] [--replace]';

function printTable(steps: StepResult[], total: number, peakRssMb: number): void {
  const width = Math.max(...steps.map((s) => s.step.length), ...steps.flatMap((s) => Object.keys(s.tables ?? {}).map((t) => t.length + 2)), 'total'.length);
  const line = (step: string, rows: string, seconds: string) => `${step.padEnd(width)}  ${rows.padStart(11)}  ${seconds.padStart(8)}`;
  console.log(line('step', 'rows', 'seconds'));
  console.log(`${'-'.repeat(width)}  ${'-'.repeat(11)}  ${'-'.repeat(8)}`);
  for (const s of steps) {
    console.log(line(s.step, s.rows ? s.rows.toLocaleString('en-US') : '', s.seconds.toFixed(2)));
    for (const [table, rows] of Object.entries(s.tables ?? {})) console.log(line(`  ${table}`, `(${rows.toLocaleString('en-US')})`, ''));
  }
  console.log(`${'-'.repeat(width)}  ${'-'.repeat(11)}  ${'-'.repeat(8)}`);
  const rows = steps.reduce((n, s) => n + s.rows, 0);
  console.log(line('total', rows.toLocaleString('en-US'), total.toFixed(2)));
  console.log(`peak memory (rss): ${peakRssMb} MB`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { scale: { type: 'string', default: 'national' }, replace: { type: 'boolean', default: false }, help: { type: 'boolean', default: false } },
    allowPositionals: false,
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  const databaseUrl = loadConfig().databaseUrl;
  if (!databaseUrl) throw new BenchDataError(`DATABASE_URL is required: the dataset is bulk-loaded into a PostgreSQL server with COPY.\n${usage}`);
  const scale = parseScale(values.scale);
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 250);
  sampler.unref();
  const target = new URL(databaseUrl);
  console.log(`bench:data scale ${scale.label} into ${target.host}${target.pathname}`);
  try {
    const result = await generateBenchData({
      databaseUrl,
      scale,
      replace: values.replace,
      log: (s) => console.log(`  ${s.step}: ${s.rows.toLocaleString('en-US')} rows in ${s.seconds.toFixed(2)} s`),
    });
    clearInterval(sampler);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    console.log('');
    printTable(result.steps, result.manifest.seconds.total, Math.round(peakRss / 1024 / 1024));
    console.log(`manifest: ${result.manifestPath}`);
  } finally {
    clearInterval(sampler);
  }
}

function describe(error: unknown): string {
  if (error instanceof BenchDataError || (error instanceof Error && error.name === 'ConfigError')) return error.message;
  if (!(error instanceof Error)) return 'unknown error';
  // A driver message can quote a value of the failing row; the code and the masked message are enough to act on.
  const code = 'code' in error && typeof error.code === 'string' ? ` (${error.code})` : '';
  return `${error.name}${code}: ${error.message.replace(/"[^"]*"/g, '"…"').slice(0, 300)}`;
}

main().catch((error: unknown) => {
  console.error(`bench:data failed: ${describe(error)}`);
  process.exitCode = 1;
});
