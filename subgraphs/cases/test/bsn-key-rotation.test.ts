import { createCipheriv, createHmac, hkdfSync, randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '@hub/config';
import { type Database, rowsOf, sql } from '@hub/db';
import { createEphemeralIssuer, type DevIssuer } from '@hub/identity';
import { createTestDatabase, startTestHub, type TestHub } from '@hub/testing';
import { createBsnCipher } from '../src/bsn-crypto.ts';
import { bsnRotationProgress, rotateBsnKeys } from '../src/bsn-key-rotation.ts';
import { buildOrg, clientInput, dataOf, newBsn, REGISTER, registerClient, type TestOrg } from './builders.ts';

/**
 * Rotating the BSN keys under a running hub: rows written under key A (in the format from before key ids, and through
 * the API), the hub restarted with A and B (B current), the re-encryption job run while look-ups and registrations go
 * on, then A removed. Nothing may be lost, duplicated or unreadable on the way.
 */

const key = () => randomBytes(32).toString('hex');
const encA = key();
const hashA = key();
const encB = key();
const hashB = key();
const ONLY_A = { BSN_ENCRYPTION_KEY: encA, BSN_HASH_KEY: hashA };
const A_AND_B = { ...ONLY_A, BSN_ENCRYPTION_KEYS: `b:${encB}`, BSN_HASH_KEYS: `b:${hashB}` };
const ONLY_B = { BSN_ENCRYPTION_KEYS: `b:${encB}`, BSN_HASH_KEYS: `b:${hashB}` };
const cipherOf = (env: Record<string, string>) => {
  const config = loadConfig(env);
  return createBsnCipher(config.bsnEncryptionKeys, config.bsnHashKeys);
};

/** A ciphertext and hash as the hub wrote them before key ids existed ("v1:" + base64 of iv | tag | ciphertext). */
function legacyColumns(bsn: string): { bsnEncrypted: string; bsnHash: string } {
  const aes = Buffer.from(hkdfSync('sha256', Buffer.from(encA, 'hex'), Buffer.alloc(0), 'hub-cases-bsn-aes-256-gcm', 32));
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', aes, iv);
  const ciphertext = Buffer.concat([cipher.update(bsn, 'utf8'), cipher.final()]);
  return {
    bsnEncrypted: `v1:${Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64')}`,
    bsnHash: createHmac('sha256', Buffer.from(hashA, 'hex')).update(bsn, 'utf8').digest('base64url'),
  };
}

const FIND = `query Find($bsn: String!) { findClientByBsn(bsn: $bsn, purpose: INTEGRATED_SUPPORT) { id bsn } }`;

async function findByBsn(hub: TestHub, token: string, bsn: string): Promise<{ id: string; bsn: string } | null> {
  return dataOf(await hub.graphql<{ findClientByBsn: { id: string; bsn: string } | null }>(FIND, { bsn }, { token })).findClientByBsn;
}

async function storedColumns(db: Database['db'], id: string) {
  const [row] = rowsOf<{ bsn_encrypted: string; bsn_hash: string }>(
    await db.execute(sql`select bsn_encrypted, bsn_hash from cases.client where id = ${id}::uuid`),
  );
  return row;
}

const LEGACY_ROWS = 3000;

describe('BSN key rotation under a running hub', () => {
  let database: Database;
  let issuer: DevIssuer;
  let hub: TestHub | undefined;
  let org: TestOrg;
  let token: string;
  /** Every client the test made, BSN to id. */
  const clients = new Map<string, string>();

  beforeAll(async () => {
    database = await createTestDatabase();
    issuer = await createEphemeralIssuer();
  });
  afterAll(async () => {
    await hub?.stop();
    await database?.close();
  });

  it('reads and finds rows written under key A once B is added, and writes new ones under B', async () => {
    hub = await startTestHub({ database, issuer, env: ONLY_A });
    org = await buildOrg(hub);
    token = await org.token(['CLIENTONDERSTEUNER']);
    for (let i = 0; i < 20; i++) {
      const c = await registerClient(hub, token);
      clients.set(c.bsn, c.id);
    }
    // A database as main left it: legacy-format rows, bulk-written.
    const legacy = Array.from({ length: LEGACY_ROWS }, () => {
      const bsn = newBsn();
      return { id: randomUUID(), bsn, ...legacyColumns(bsn) };
    }).filter((r) => !clients.has(r.bsn));
    for (let i = 0; i < legacy.length; i += 500) {
      const part = legacy.slice(i, i + 500);
      await database.db.execute(sql`insert into cases.client (id, bsn_encrypted, bsn_hash, given_name, family_name, date_of_birth, registered_by_organization_id)
        select id, enc, hash, 'Testa', 'Proefpersoon', '1950-04-12', ${org.id}::uuid
        from unnest(${sql.param(part.map((r) => r.id))}::uuid[], ${sql.param(part.map((r) => r.bsnEncrypted))}::text[], ${sql.param(part.map((r) => r.bsnHash))}::text[]) as v(id, enc, hash)`);
      for (const r of part) clients.set(r.bsn, r.id);
    }
    await hub.stop();

    hub = await startTestHub({ database, issuer, env: A_AND_B });
    const [apiBsn, apiId] = [...clients.entries()][0] ?? [];
    const [legacyBsn, legacyId] = [...clients.entries()].at(-1) ?? [];
    expect(await findByBsn(hub, token, apiBsn ?? '')).toEqual({ id: apiId, bsn: apiBsn });
    expect(await findByBsn(hub, token, legacyBsn ?? '')).toEqual({ id: legacyId, bsn: legacyBsn });
    expect((await storedColumns(database.db, legacyId ?? ''))?.bsn_encrypted.startsWith('v1:')).toBe(true);

    const fresh = await registerClient(hub, token);
    clients.set(fresh.bsn, fresh.id);
    const stored = await storedColumns(database.db, fresh.id);
    expect(stored?.bsn_encrypted.startsWith('v2:b:')).toBe(true);
    expect(stored?.bsn_hash.startsWith('b:')).toBe(true);
    expect(await findByBsn(hub, token, fresh.bsn)).toEqual({ id: fresh.id, bsn: fresh.bsn });

    // One client per BSN across key ids: a BSN whose row is under hash key A is taken for a registration under B.
    const again = await hub.graphql(REGISTER, { input: clientInput({ bsn: legacyBsn }) }, { token });
    expect(again.body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(await bsnRotationProgress(database.db, cipherOf(A_AND_B))).toEqual({ onOldKeys: clients.size - 1, withoutCiphertext: 0 });
  });

  it('resumes: a run stopped after one batch leaves the rest, counted, for the next run', async () => {
    const cipher = cipherOf(A_AND_B);
    const before = await bsnRotationProgress(database.db, cipher);
    const first = await rotateBsnKeys(database.db, cipher, { batchSize: 500, maxBatches: 1 });
    expect(first).toMatchObject({ moved: 500, batches: 1, onOldKeys: before.onOldKeys - 500 });
  });

  it('moves every row to B while look-ups and registrations run, with nothing lost, duplicated or refused', async () => {
    const active = hub;
    if (!active) throw new Error('no hub');
    const cipher = cipherOf(A_AND_B);
    const remaining = (await bsnRotationProgress(database.db, cipher)).onOldKeys;
    const known = [...clients.entries()];
    const created = new Map<string, string>();
    const failures: string[] = [];
    /** When each request was sent and answered, to count those in flight while the job ran. */
    const requests: { sent: number; answered: number }[] = [];
    let stop = false;
    const worker = async (n: number) => {
      for (let i = 0; !stop; i++) {
        const sent = performance.now();
        try {
          if (i % 4 === n % 4) {
            const c = await registerClient(active, token);
            created.set(c.bsn, c.id);
          } else {
            const [bsn, id] = known[Math.floor(Math.random() * known.length)] ?? [];
            const found = await findByBsn(active, token, bsn ?? '');
            if (found?.id !== id || found?.bsn !== bsn) failures.push('a look-up did not find its client');
          }
          requests.push({ sent, answered: performance.now() });
        } catch (error) {
          failures.push(error instanceof Error ? error.message : 'error');
        }
      }
    };
    const load = Promise.all([0, 1, 2, 3].map(worker));
    // Let requests be in flight first; then two runs at once, as two replicas would.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const started = performance.now();
    const batchesSeen: number[] = [];
    const runs = await Promise.all([0, 1].map(() => rotateBsnKeys(database.db, cipher, { batchSize: 500, onBatch: (b) => batchesSeen.push(b.moved) })));
    const ended = performance.now();
    const ms = Math.round(ended - started);
    await new Promise((resolve) => setTimeout(resolve, 300));
    stop = true;
    await load;

    expect(failures).toEqual([]);
    const inFlightDuringJob = requests.filter((r) => r.sent < ended && r.answered > started).length;
    expect(inFlightDuringJob).toBeGreaterThan(0);
    expect(requests.some((r) => r.answered > ended)).toBe(true);
    expect(runs.reduce((n, r) => n + r.moved, 0)).toBe(remaining);
    const progress = await bsnRotationProgress(database.db, cipher);
    expect(progress).toEqual({ onOldKeys: 0, withoutCiphertext: 0 });
    expect(runs.every((r) => Object.keys(r.unreadable).length === 0)).toBe(true);
    for (const [bsn, id] of created) clients.set(bsn, id);
    process.stdout.write(
      `BSN key rotation under load: ${remaining} rows moved in ${batchesSeen.length} batches by 2 runs in ${ms} ms; ` +
        `${requests.length} requests served (${inFlightDuringJob} in flight while the job ran, ${created.size} registrations), 0 failed\n`,
    );

    // Every row once, on B, readable with B alone, its hash B's hash of its own BSN.
    const onlyB = cipherOf(ONLY_B);
    const rows = rowsOf<{ id: string; bsn_encrypted: string; bsn_hash: string }>(
      await database.db.execute(sql`select id::text as id, bsn_encrypted, bsn_hash from cases.client where bsn_encrypted is not null`),
    );
    expect(rows.length).toBe(clients.size);
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const [bsn, id] of clients) {
      const row = byId.get(id);
      expect(row && onlyB.decrypt(row.bsn_encrypted) === bsn && row.bsn_hash === onlyB.hash(bsn)).toBe(true);
    }
  });

  it('reads and finds every client once key A is removed', async () => {
    await hub?.stop();
    hub = await startTestHub({ database, issuer, env: ONLY_B });
    const active = hub;
    const all = [...clients.entries()];
    // Through the gateway: the API-registered ones, those made during the rotation, and a spread of the legacy rows.
    const sample = [...all.slice(0, 25), ...all.slice(-25), ...all.filter((_, i) => i % 150 === 0)];
    for (const [bsn, id] of sample) expect(await findByBsn(active, token, bsn)).toEqual({ id, bsn });
    expect(await bsnRotationProgress(database.db, cipherOf(ONLY_B))).toEqual({ onOldKeys: 0, withoutCiphertext: 0 });
    const duplicateHashes = rowsOf<{ n: number }>(
      await database.db.execute(sql`select count(*)::int as n from (select bsn_hash from cases.client group by bsn_hash having count(*) > 1) d`),
    );
    expect(duplicateHashes[0]?.n).toBe(0);
  });
});

describe('BSN key rotation in the cases subgraph background (BSN_ROTATION_INTERVAL_MS)', () => {
  let database: Database;
  let hub: TestHub | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await hub?.stop();
    await database?.close();
  });

  it('moves the rows a batch per round until none is on an old key', async () => {
    const issuer = await createEphemeralIssuer();
    hub = await startTestHub({ database, issuer, env: ONLY_A });
    const org = await buildOrg(hub);
    const token = await org.token(['CLIENTONDERSTEUNER']);
    const made = [];
    for (let i = 0; i < 7; i++) made.push(await registerClient(hub, token));
    await hub.stop();
    hub = await startTestHub({
      database,
      issuer,
      env: { ...A_AND_B, BSN_ROTATION_INTERVAL_MS: '20', BSN_ROTATION_BATCH_SIZE: '2' },
    });
    const cipher = cipherOf(A_AND_B);
    const deadline = Date.now() + 20_000;
    while ((await bsnRotationProgress(database.db, cipher)).onOldKeys > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(await bsnRotationProgress(database.db, cipher)).toEqual({ onOldKeys: 0, withoutCiphertext: 0 });
    for (const c of made) {
      expect((await storedColumns(database.db, c.id))?.bsn_encrypted.startsWith('v2:b:')).toBe(true);
      expect(await findByBsn(hub, token, c.bsn)).toEqual({ id: c.id, bsn: c.bsn });
    }
  });
});
