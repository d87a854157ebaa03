import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Builds the console (Vite) into console/dist, which the gateway serves. `npm start` and the browser tests call
 * {@link ensureConsoleBuild}: it builds only when dist is missing or older than a source file, so a start after
 * the first costs nothing. `npm run console:build` builds always.
 */

export const CONSOLE_ROOT = dirname(fileURLToPath(import.meta.url));
export const CONSOLE_DIST = join(CONSOLE_ROOT, 'dist');

/** What the build reads: a change to any of these makes dist stale. */
const SOURCES = ['src', 'public', 'index.html', 'graphiql.html', 'vite.config.ts', 'package.json'];
const LOCK = join(CONSOLE_ROOT, '.build-lock');
/** A lock older than this was left by a build that died; the next one takes over. */
const STALE_LOCK_MS = 120_000;

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stat.mtimeMs);
}

/** True when dist has no index.html or a source file changed after it was written. */
export function consoleBuildIsStale(): boolean {
  const index = join(CONSOLE_DIST, 'index.html');
  if (!existsSync(index)) return true;
  // A runtime layout (the image, `npm run build -- --stage`) carries console/dist and the operations manifest under
  // console/src/generated, but not the console's sources: there is nothing to rebuild from, so dist is what it is.
  if (!existsSync(join(CONSOLE_ROOT, 'index.html'))) return false;
  const built = statSync(index).mtimeMs;
  return SOURCES.map((s) => join(CONSOLE_ROOT, s)).some((path) => existsSync(path) && newestMtime(path) > built);
}

function runVite(outDir: string): Promise<void> {
  const viteBin = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [viteBin, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
      cwd: CONSOLE_ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, NODE_ENV: 'production' },
    });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`The console build (vite build) failed with exit code ${code}.`))));
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One build at a time across processes (test workers start hubs side by side): a lock folder, made atomically. */
async function withBuildLock<T>(work: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      try {
        if (Date.now() - statSync(LOCK).mtimeMs > STALE_LOCK_MS) rmSync(LOCK, { recursive: true, force: true });
      } catch {
        // Removed by its owner in the meantime.
      }
      await sleep(200);
    }
  }
  try {
    return await work();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/**
 * Builds into a fresh folder and swaps it in, so the gateway never serves a half-written dist (the old files stay
 * until the new ones are complete). Call with the build lock held.
 */
async function buildAndSwap(): Promise<void> {
  const next = `${CONSOLE_DIST}.next-${process.pid}`;
  const old = `${CONSOLE_DIST}.old-${process.pid}`;
  await runVite(next);
  if (existsSync(CONSOLE_DIST)) renameSync(CONSOLE_DIST, old);
  renameSync(next, CONSOLE_DIST);
  rmSync(old, { recursive: true, force: true });
}

/** Builds the console whether or not dist is up to date. */
export async function buildConsole(): Promise<{ ms: number }> {
  const started = performance.now();
  await withBuildLock(buildAndSwap);
  return { ms: Math.round(performance.now() - started) };
}

/** Builds the console when dist is missing or stale; another process's build in progress is waited for. */
export async function ensureConsoleBuild(): Promise<{ built: boolean; ms: number }> {
  if (!consoleBuildIsStale()) return { built: false, ms: 0 };
  const started = performance.now();
  const built = await withBuildLock(async () => {
    if (!consoleBuildIsStale()) return false;
    await buildAndSwap();
    return true;
  });
  return { built, ms: Math.round(performance.now() - started) };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const result = process.argv.includes('--force') ? { built: true, ...(await buildConsole()) } : await ensureConsoleBuild();
  console.log(result.built ? `Built the console into ${CONSOLE_DIST} in ${(result.ms / 1000).toFixed(1)} s.` : 'The console build is up to date.');
}
