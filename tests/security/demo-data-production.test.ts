import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, SUBGRAPH_NAMES, type HubConfig } from '@hub/config';
import { rowsOf, sql, type Database } from '@hub/db';
import { migrateAndSeed, REPOSITORY_ROOT, startHub, type RunningHub } from '@hub/hub';
import { createEphemeralIssuer, type DevIssuer } from '@hub/identity';
import { createTestDatabase, startTestHub } from '@hub/testing';

/**
 * The demo data is fictional (organisations, services, clients, signals). In production it would sit beside real
 * clients and show up in the public HSDS feed, so it never loads with NODE_ENV=production: the default there is
 * off, and SEED_DEMO=true is refused loudly by the configuration, by migrateAndSeed and by the migrate job.
 */

const envKey = (name: string) => name.toUpperCase().replace(/-/g, '_');
const secret = () => randomBytes(32).toString('base64url');

/** What a production deployment sets; SEED_DEMO is left to the caller. */
function productionEnv(issuer: DevIssuer): Record<string, string> {
  const env: Record<string, string> = {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    GATEWAY_PORT: '0',
    LOG_LEVEL: 'silent',
    DEMO_SCALE: '0.01',
    DIRECTORY_CACHE_SECONDS: '0',
    AUTH_ISSUERS: JSON.stringify([issuer.config]),
    AUTH_AUDIENCE: issuer.audience,
    INTERNAL_API_SECRET: secret(),
    BSN_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    BSN_HASH_KEY: randomBytes(32).toString('hex'),
  };
  for (const name of SUBGRAPH_NAMES) {
    env[`${envKey(name)}_PORT`] = '0';
    env[`SUBGRAPH_SECRET_${envKey(name)}`] = secret();
  }
  return env;
}

/** Rows of the tables the demo data fills (reference data has none of these). */
async function demoRowCounts(database: Database): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of ['sociale_kaart.organization', 'sociale_kaart.service', 'cases.client', 'signals.signal']) {
    const [schema, name] = table.split('.');
    const row = rowsOf<{ n: number }>(await database.db.execute(sql.raw(`select count(*)::int as n from "${schema}"."${name}"`)))[0];
    counts[table] = row?.n ?? -1;
  }
  return counts;
}

const NONE = { 'sociale_kaart.organization': 0, 'sociale_kaart.service': 0, 'cases.client': 0, 'signals.signal': 0 };

let issuer: DevIssuer;
beforeAll(async () => {
  issuer = await createEphemeralIssuer();
});

describe('demo data in production', () => {
  it('refuses SEED_DEMO=true in the production configuration, and defaults to no demo data there', () => {
    const env = productionEnv(issuer);
    expect(() => loadConfig({ ...env, SEED_DEMO: 'true' })).toThrow(/SEED_DEMO=true is refused in production/);
    expect(loadConfig(env).seedDemo).toBe(false);
    // Outside production the demo data stays on by default (npm start).
    expect(loadConfig({}).seedDemo).toBe(true);
  });

  it('does not start a production test hub asked to seed demo data', async () => {
    // Had it started, the outcome is what it loaded (and the hub is stopped again).
    const outcome = await startTestHub({ production: true, seedDemo: true, demoScale: 0.01 }).then(
      async (hub) => {
        const counts = await demoRowCounts(hub.database);
        await hub.stop();
        return counts;
      },
      (error: unknown) => error,
    );
    expect(outcome).toBeInstanceOf(Error);
    expect(outcome instanceof Error ? outcome.message : '').toMatch(/SEED_DEMO=true is refused in production/);
  });

  it('makes migrateAndSeed refuse a production configuration that asks for demo data, before touching the database', async () => {
    const database = await createTestDatabase();
    try {
      const config: HubConfig = { ...loadConfig(productionEnv(issuer)), seedDemo: true };
      await expect(migrateAndSeed(database, { config })).rejects.toThrow(/Demo data never loads in production/);
      // Not even the migrations ran: the tables are not there.
      await expect(database.db.execute(sql.raw('select 1 from sociale_kaart.organization'))).rejects.toThrow();
    } finally {
      await database.close();
    }
  });

  it('stops the migrate job (npm run migrate) with NODE_ENV=production and SEED_DEMO=true, loading nothing', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hub-migrate-'));
    try {
      const env = { PATH: process.env.PATH ?? '', ...productionEnv(issuer), LOG_LEVEL: 'info', SEED_DEMO: 'true', DATA_DIR: dataDir };
      const run = promisify(execFile)(join(REPOSITORY_ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/migrate.ts'], { cwd: REPOSITORY_ROOT, env });
      const failure: unknown = await run.then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(failure).toMatchObject({ code: 1 });
      expect(String((failure as { stdout?: unknown }).stdout)).toContain('SEED_DEMO=true is refused in production');
      // PGlite would have been created under DATA_DIR had the job opened a database.
      expect(existsSync(join(dataDir, 'pglite'))).toBe(false);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);

  describe('a production hub migrated without SEED_DEMO', () => {
    let database: Database;
    let hub: RunningHub | undefined;
    beforeAll(async () => {
      database = await createTestDatabase();
      const env = productionEnv(issuer);
      const config = loadConfig(env);
      await migrateAndSeed(database, { config });
      hub = await startHub({ config, database, issuer });
    });
    afterAll(async () => {
      await hub?.stop();
      await database?.close();
    });

    it('has no demo organisations, services, clients or signals', async () => {
      expect(await demoRowCounts(database)).toEqual(NONE);
    });

    it('publishes no organisations or services in the public HSDS feed', async () => {
      const gateway = hub?.gatewayUrl ?? '';
      for (const path of ['/hsds/organizations', '/hsds/services']) {
        const res = await fetch(new URL(path, gateway));
        expect(res.status, path).toBe(200);
        const body = (await res.json()) as { total_items?: number; contents?: unknown[] };
        expect(body.total_items, path).toBe(0);
        expect(body.contents, path).toEqual([]);
      }
    });
  });
});
