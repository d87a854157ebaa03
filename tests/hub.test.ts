import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, SUBGRAPH_NAMES } from '@hub/config';
import { rowsOf, sql } from '@hub/db';
import { startHub } from '@hub/hub';
import { createEphemeralIssuer } from '@hub/identity';
import { createTestDatabase, startTestHub, type TestHub } from '@hub/testing';

/** The pieces that hold the hub together at run time: start-up, stopping and test databases. */

describe('a running hub', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub();
  });
  afterAll(async () => {
    await hub?.stop();
  });

  it('runs every subgraph on its own port with its own generated secret', () => {
    expect(Object.keys(hub.subgraphUrls)).toEqual([...SUBGRAPH_NAMES]);
    const ports = new Set([hub.gatewayUrl, ...Object.values(hub.subgraphUrls)].map((u) => new URL(u).port));
    expect(ports.size).toBe(SUBGRAPH_NAMES.length + 1);
    const secrets = Object.values(hub.subgraphSecrets);
    expect(new Set(secrets).size).toBe(SUBGRAPH_NAMES.length);
    for (const secret of secrets) expect(secret.length).toBeGreaterThanOrEqual(32);
  });

  it.each(SUBGRAPH_NAMES)("subgraph %s accepts only its own secret, not another subgraph's", async (name) => {
    const own = await hub.directSubgraphRequest(name, '{ _service { sdl } }', { secret: hub.subgraphSecrets[name] });
    expect(own.status).toBe(200);
    for (const other of SUBGRAPH_NAMES.filter((n) => n !== name)) {
      const res = await hub.directSubgraphRequest(name, '{ _service { sdl } }', { secret: hub.subgraphSecrets[other] });
      expect(res.status).toBe(401);
      expect(res.body).not.toHaveProperty('data');
    }
  });

  // Last in this block: it stops the hub the tests above share (afterAll then stops it a second time).
  it('stops everything it started, and a second stop is harmless', async () => {
    const urls = [hub.gatewayUrl, ...Object.values(hub.subgraphUrls)];
    expect((await fetch(new URL('/health', hub.gatewayUrl))).status).toBe(200);
    await hub.stop();
    await hub.stop();
    for (const url of urls) await expect(fetch(new URL('/health', url))).rejects.toThrow();
    await expect(hub.database.ping()).resolves.toBe(false);
  });
});

describe('start-up failure', () => {
  it('unwinds what it started when the gateway port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const address = blocker.address();
    const takenPort = typeof address === 'object' && address ? address.port : 0;
    const lines: string[] = [];
    const database = await createTestDatabase();
    try {
      const config = loadConfig({
        NODE_ENV: 'test',
        LOG_LEVEL: 'info',
        SEED_DEMO: 'false',
        GATEWAY_PORT: String(takenPort),
        ...Object.fromEntries(SUBGRAPH_NAMES.map((n) => [`${n.toUpperCase().replace(/-/g, '_')}_PORT`, '0'])),
      });
      const issuer = await createEphemeralIssuer();
      await expect(startHub({ config, database, issuer, logDestination: { write: (line: string) => lines.push(line) } })).rejects.toThrow(/EADDRINUSE/);
      const subgraphUrls = lines
        .map((line) => JSON.parse(line) as { msg?: string; url?: string })
        .filter((line) => line.msg?.endsWith('subgraph listening'))
        .map((line) => line.url ?? '');
      expect(subgraphUrls).toHaveLength(SUBGRAPH_NAMES.length);
      for (const url of subgraphUrls) await expect(fetch(new URL('/health', url))).rejects.toThrow();
      // The database was the caller's: still open.
      await expect(database.ping()).resolves.toBe(true);
    } finally {
      blocker.close();
      await database.close();
    }
  });
});

describe('test databases', () => {
  it('are separate databases of the configured kind, and a server database is dropped on close', async () => {
    const serverUrl = loadConfig().databaseUrl;
    const first = await createTestDatabase();
    const second = await createTestDatabase();
    try {
      expect(first.kind).toBe(serverUrl ? 'postgres' : 'pglite');
      await first.db.execute(sql`create table only_in_first (id int)`);
      const seen = rowsOf<{ n: number }>(await second.db.execute(sql`select count(*)::int as n from pg_tables where tablename = 'only_in_first'`));
      expect(seen[0]?.n).toBe(0);
      if (serverUrl) {
        const name = rowsOf<{ name: string }>(await first.db.execute(sql`select current_database() as name`))[0]?.name ?? '';
        expect(name).toMatch(/^hub_test_[0-9a-f]{16}$/);
        await first.close();
        const left = rowsOf<{ n: number }>(await second.db.execute(sql`select count(*)::int as n from pg_database where datname = ${name}`));
        expect(left[0]?.n).toBe(0);
      }
    } finally {
      await first.close();
      await second.close();
    }
  });
});
