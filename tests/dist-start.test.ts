import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureConsoleBuild } from '@hub/console/build';
import { loadConfig, SUBGRAPH_NAMES, subgraphEnvKey } from '@hub/config';
import { REPOSITORY_ROOT } from '@hub/hub';
import { buildDist, ENTRIES, stageRuntimeFiles } from '@hub/hub/build';

/**
 * The hub as the image runs it: `npm run build` output and the files the services read, staged in a folder of their
 * own (the runtime image's layout, no TypeScript anywhere), started with plain `node dist/<name>.js` — no tsx, no
 * loader, no NODE_OPTIONS. One process (dist/start.js) on PGlite in memory or on a fresh database of the server
 * PostgreSQL; on the server also the docker-compose topology: dist/migrate.js, then each subgraph and the gateway as
 * a process of its own. Each answers a journey through the gateway: /health, an anonymous directory search (demo
 * data), the gemeenten (reference data CSV), the HSDS profile (docs/hsds-nl-profile.md) and the console (console/dist).
 *
 * The staged folder uses the repository's node_modules; RUNTIME_NODE_MODULES points it at another install instead
 * (scripts/image-size.sh runs this file against `npm ci --omit=dev`, the production dependencies the image holds).
 */

const serverUrl = loadConfig().databaseUrl;
const nodeModules = process.env.RUNTIME_NODE_MODULES ?? join(REPOSITORY_ROOT, 'node_modules');
let runtimeDir = '';
const children: ChildProcess[] = [];
const databases: string[] = [];

function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.name === 'node_modules') return [];
    return entry.isDirectory() ? filesUnder(dir, path) : [path];
  });
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== 'object' || !address) throw new Error('no port');
  return address.port;
}

/** A fresh database on the server (random lower-case hex name), dropped in afterAll. */
async function createServerDatabase(url: string): Promise<string> {
  const name = `hub_dist_${randomBytes(6).toString('hex')}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  databases.push(name);
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** `node dist/<entry>.js` in the staged folder, with exactly `env` (plus PATH): nothing inherited from the test runner. */
function startNode(entry: string, env: Record<string, string>): Started {
  const child = spawn(process.execPath, [`dist/${entry}.js`], {
    cwd: runtimeDir,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, started: Started[], timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    const dead = started.find((s) => s.child.exitCode !== null);
    if (dead) throw new Error(`${what}: a process exited (${dead.child.exitCode}):\n${dead.output()}`);
    if (Date.now() > deadline) throw new Error(`${what}: timed out:\n${started.map((s) => s.output()).join('\n')}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const healthy = (url: string) => async () => ((await fetch(url)).ok ? true : undefined);

/** What the process was started with: its command line and whether a NODE_OPTIONS reached it (Linux /proc). */
function processFacts(pid: number | undefined): { argv: string[]; nodeOptions: boolean } {
  const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  const environ = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
  return { argv, nodeOptions: environ.some((line) => line.startsWith('NODE_OPTIONS=')) };
}

/** The journey every start answers, through the gateway at `origin`. */
async function expectJourney(origin: string): Promise<void> {
  expect((await fetch(`${origin}/health`)).status).toBe(200);

  const search = await fetch(`${origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' },
    body: JSON.stringify({
      query: '{ searchServices(filter: { gemeenteCode: "GM0363" }, first: 3) { totalCount edges { node { name } } } gemeenten { code } }',
    }),
  });
  expect(search.status).toBe(200);
  const body = (await search.json()) as {
    data?: { searchServices: { totalCount: number; edges: { node: { name: string } }[] }; gemeenten: { code: string }[] };
    errors?: unknown[];
  };
  expect(body.errors).toBeUndefined();
  expect(body.data?.searchServices.totalCount).toBeGreaterThan(0);
  expect(body.data?.searchServices.edges[0]?.node.name).toMatch(/\S/);
  // Reference data from packages/reference-data/data: every gemeente of CBS 2025.
  expect(body.data?.gemeenten.length).toBe(342);

  const profile = await fetch(`${origin}/hsds/profile`);
  expect(profile.status).toBe(200);
  expect(await profile.text()).toContain('HSDS');

  const consolePage = await fetch(`${origin}/`, { headers: { accept: 'text/html' } });
  expect(consolePage.status).toBe(200);
  expect(await consolePage.text()).toMatch(/<script[^>]+type="module"/);
}

beforeAll(async () => {
  await ensureConsoleBuild();
  await buildDist();
  runtimeDir = mkdtempSync(join(tmpdir(), 'hub-runtime-'));
  stageRuntimeFiles(runtimeDir);
  // "type": "module" for dist/*.js, as the image's /app/package.json gives it.
  copyFileSync(join(REPOSITORY_ROOT, 'package.json'), join(runtimeDir, 'package.json'));
  symlinkSync(nodeModules, join(runtimeDir, 'node_modules'), 'dir');
}, 180_000);

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  if (runtimeDir) rmSync(runtimeDir, { recursive: true, force: true });
  if (serverUrl && databases.length > 0) {
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    try {
      for (const name of databases) await admin.unsafe(`drop database if exists ${name} with (force)`);
    } finally {
      await admin.end({ timeout: 5 });
    }
  }
});

describe('the hub from dist/ with plain node', () => {
  it('stages compiled JavaScript and data only: no TypeScript source reaches the runtime', () => {
    const files = filesUnder(runtimeDir);
    for (const entry of Object.keys(ENTRIES)) expect(files).toContain(`dist/${entry}.js`);
    expect(files.filter((f) => /\.[cm]?ts$/.test(f) && !f.endsWith('.d.ts'))).toEqual([]);
    // The one file under a src/ folder is generated data: the console's operations manifest (the trusted documents).
    expect(files).toContain('console/src/generated/persisted-documents.json');
    const sources = files.filter((f) => f !== 'console/src/generated/persisted-documents.json');
    expect(sources.some((f) => f.startsWith('tests/') || f.startsWith('bench/') || /(^|\/)src\//.test(f))).toBe(false);
  });

  it(`runs the whole hub in one process (dist/start.js) on ${serverUrl ? 'the server PostgreSQL' : 'PGlite in memory'}`, async () => {
    const database: Record<string, string> = serverUrl ? { DATABASE_URL: await createServerDatabase(serverUrl) } : { PGLITE_IN_MEMORY: 'true' };
    const ports = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [`${subgraphEnvKey(name)}_PORT`, '0']));
    const hub = startNode('start', {
      ...database,
      ...ports,
      GATEWAY_PORT: '0',
      DATA_DIR: join(runtimeDir, '.data-start'),
      LOG_LEVEL: 'warn',
      // Nowhere to deliver e-mail: messages wait (and no local mail catcher is started).
      SMTP_URL: 'smtp://127.0.0.1:9',
    });
    const gatewayUrl = await waitFor('dist/start.js prints its gateway', async () => /Gateway:\s+(http\S+)/.exec(hub.output())?.[1], [hub]);
    const facts = processFacts(hub.child.pid);
    expect(facts.argv).toEqual([process.execPath, 'dist/start.js']);
    expect(facts.nodeOptions).toBe(false);
    expect(hub.output()).not.toMatch(/tsx/);

    await expectJourney(new URL(gatewayUrl).origin);

    hub.child.kill('SIGTERM');
    expect(await hub.exited, hub.output()).toBe(0);
  }, 150_000);

  // PGlite in memory lives inside one process, so separate processes need the server; the PGlite run covers dist/start.js.
  it.skipIf(!serverUrl)(
    'runs the docker-compose topology: dist/migrate.js, then each subgraph and the gateway as its own process',
    async () => {
      const databaseUrl = await createServerDatabase(serverUrl ?? '');
      const env: Record<string, string> = {
        DATABASE_URL: databaseUrl,
        DATA_DIR: join(runtimeDir, '.data-topology'),
        LOG_LEVEL: 'warn',
        INTERNAL_API_SECRET: randomBytes(24).toString('hex'),
        BSN_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
        BSN_HASH_KEY: randomBytes(32).toString('hex'),
        GATEWAY_PORT: String(await freePort()),
      };
      for (const name of SUBGRAPH_NAMES) {
        const key = subgraphEnvKey(name);
        const port = await freePort();
        env[`${key}_PORT`] = String(port);
        env[`${key}_URL`] = `http://127.0.0.1:${port}/graphql`;
        env[`SUBGRAPH_SECRET_${key}`] = randomBytes(24).toString('hex');
      }

      const migrate = startNode('migrate', { ...env, LOG_LEVEL: 'info' });
      expect(await migrate.exited, migrate.output()).toBe(0);
      expect(migrate.output()).toMatch(/database migrated and seeded/);

      // The gateway first: it writes the development issuer's key pair the subgraphs then read.
      const gateway = startNode('gateway', env);
      const origin = `http://127.0.0.1:${env.GATEWAY_PORT}`;
      await waitFor('the gateway answers /health', healthy(`${origin}/health`), [gateway]);
      const subgraphs = SUBGRAPH_NAMES.map((name) => startNode(name, env));
      for (const name of SUBGRAPH_NAMES) {
        await waitFor(`${name} answers /health`, healthy(`http://127.0.0.1:${env[`${subgraphEnvKey(name)}_PORT`]}/health`), subgraphs);
      }
      for (const started of [gateway, ...subgraphs]) {
        const facts = processFacts(started.child.pid);
        expect(facts.argv[0]).toBe(process.execPath);
        expect(facts.argv.slice(1)).toHaveLength(1);
        expect(facts.nodeOptions).toBe(false);
      }

      await expectJourney(origin);

      for (const started of [gateway, ...subgraphs]) started.child.kill('SIGTERM');
      for (const started of [gateway, ...subgraphs]) expect(await started.exited).toBe(0);
    },
    180_000,
  );
});
