import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { REPOSITORY_ROOT } from '@hub/hub';

/**
 * npm run db:generate   runs `drizzle-kit generate` in every subgraph with a drizzle.config.ts
 * npm run db:check      the same, and exits 1 when that wrote anything: schema.ts and the committed
 *                       migrations have drifted apart.
 *
 * Drift is judged by comparing the migrations folder before and after generating rather than by
 * `git status` alone, so a correct migration that is not committed yet does not fail a local check;
 * on a fresh clone (CI) the two are the same thing. Uncommitted migration files are still reported.
 */
const check = process.argv.includes('--check');
const drizzleKit = join(REPOSITORY_ROOT, 'node_modules', '.bin', 'drizzle-kit');
const subgraphsDir = join(REPOSITORY_ROOT, 'subgraphs');

function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  if (!existsSync(dir)) return files;
  const walk = (current: string) => {
    for (const entry of readdirSync(current)) {
      const path = join(current, entry);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(relative(dir, path), createHash('sha256').update(readFileSync(path)).digest('hex'));
    }
  };
  walk(dir);
  return files;
}

function changedFiles(before: Map<string, string>, after: Map<string, string>): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((name) => before.get(name) !== after.get(name)).sort();
}

const subgraphs = readdirSync(subgraphsDir).filter((name) => existsSync(join(subgraphsDir, name, 'drizzle.config.ts')));
let drifted = false;
for (const name of subgraphs) {
  const cwd = join(subgraphsDir, name);
  const migrations = join(cwd, 'migrations');
  const before = snapshot(migrations);
  console.log(`\n== ${name}: drizzle-kit generate`);
  const run = spawnSync(drizzleKit, ['generate'], { cwd, stdio: 'inherit' });
  if (run.status !== 0) {
    console.error(`drizzle-kit generate failed in subgraphs/${name} (exit ${run.status ?? run.signal}).`);
    process.exit(1);
  }
  const changed = changedFiles(before, snapshot(migrations));
  if (changed.length > 0) {
    drifted = true;
    console.error(`subgraphs/${name}: src/db/schema.ts had changes without a migration; generated:`);
    for (const file of changed) console.error(`  migrations/${file}`);
  }
  const git = spawnSync('git', ['status', '--porcelain', '--', relative(REPOSITORY_ROOT, migrations)], { cwd: REPOSITORY_ROOT, encoding: 'utf8' });
  if (git.status === 0 && git.stdout.trim() !== '') {
    console.warn(`subgraphs/${name}: migration files not committed yet:\n${git.stdout.trimEnd()}`);
  }
}

if (check && drifted) {
  console.error('\nThe drizzle schemas and the committed migrations differ. Review the generated migrations and commit them.');
  process.exit(1);
}
console.log(check ? '\nMigrations match the drizzle schemas.' : '\nDone.');
