import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '@hub/config';
import { BsnCipherError, createBsnCipher, rotateBsnKeys } from '@hub/cases/keys';
import { rowsOf, sql } from '@hub/db';
import { createLogger } from '@hub/service-kit';
import { startTestHub, type TestHub } from '@hub/testing';
import { buildOrg, dataOf, registerClient, type TestOrg } from '../../subgraphs/cases/test/builders.ts';

/**
 * The key ids in stored BSNs are data an attacker with write access to the database (or a restored backup) controls.
 * A forged or unknown key id, an altered ciphertext, a ciphertext moved to another key id or format: each is refused
 * as unreadable with a clear reason, through the API and in the rotation job, and no BSN reaches an answer or a log.
 * Keys of the wrong length are refused when the configuration loads, without the key in the message.
 */

const key = () => randomBytes(32).toString('hex');
const encA = key();
const hashA = key();
const encB = key();
const hashB = key();
const KEYS = { BSN_ENCRYPTION_KEY: encA, BSN_HASH_KEY: hashA, BSN_ENCRYPTION_KEYS: `b:${encB}`, BSN_HASH_KEYS: `b:${hashB}` };
const config = loadConfig(KEYS);
const cipher = createBsnCipher(config.bsnEncryptionKeys, config.bsnHashKeys);

const CLIENT = `query Client($id: ID!) { client(id: $id) { id bsn name { givenName } } }`;

let hub: TestHub;
let org: TestOrg;
let token: string;
beforeAll(async () => {
  hub = await startTestHub({ captureLogs: true, env: KEYS });
  org = await buildOrg(hub);
  token = await org.token(['CLIENTONDERSTEUNER']);
});
afterAll(() => hub?.stop());

async function setCiphertext(id: string, value: string): Promise<void> {
  await hub.database.db.execute(sql`update cases.client set bsn_encrypted = ${value} where id = ${id}::uuid`);
}

async function storedCiphertext(id: string): Promise<string> {
  const [row] = rowsOf<{ bsn_encrypted: string }>(await hub.database.db.execute(sql`select bsn_encrypted from cases.client where id = ${id}::uuid`));
  return row?.bsn_encrypted ?? '';
}

/** The payload of a `v2:<id>:<payload>` ciphertext with one byte of its authentication tag flipped. */
function withFlippedTag(stored: string): string {
  const [format, id, payload] = stored.split(':');
  const raw = Buffer.from(payload ?? '', 'base64');
  raw[20] = (raw[20] ?? 0) ^ 0x01;
  return `${format}:${id}:${raw.toString('base64')}`;
}

describe('stored BSN ciphertexts an attacker altered', () => {
  const cases: { name: string; forge: (stored: string) => string; reason: string }[] = [
    { name: 'a key id that is not configured', forge: (s) => s.replace(/^v2:b:/, 'v2:zz:'), reason: 'UNKNOWN_KEY_ID' },
    { name: 'an altered authentication tag', forge: withFlippedTag, reason: 'AUTHENTICATION_FAILED' },
    { name: 'a ciphertext relabelled to another configured key id', forge: (s) => s.replace(/^v2:b:/, 'v2:0:'), reason: 'AUTHENTICATION_FAILED' },
    { name: 'a v2 ciphertext downgraded to the v1 format', forge: (s) => `v1:${s.split(':')[2]}`, reason: 'AUTHENTICATION_FAILED' },
    { name: 'a key id with path or pattern characters', forge: (s) => s.replace(/^v2:b:/, 'v2:../%_:'), reason: 'MALFORMED' },
    { name: 'a truncated payload', forge: () => 'v2:b:AAAA', reason: 'MALFORMED' },
  ];

  for (const c of cases) {
    it(`answers ${c.name} with a clear error on the field, the rest of the client intact, no BSN anywhere`, async () => {
      const client = await registerClient(hub, token);
      const stored = await storedCiphertext(client.id);
      expect(stored.startsWith('v2:b:')).toBe(true);
      await setCiphertext(client.id, c.forge(stored));
      const logsBefore = hub.logs.length;

      const res = await hub.graphql<{ client: { id: string; bsn: string | null; name: { givenName: string } } | null }>(CLIENT, { id: client.id }, { token });
      expect(res.body.data?.client).toEqual({ id: client.id, bsn: null, name: { givenName: 'Testa' } });
      expect(res.body.errors?.map((e) => ({ code: e.extensions?.code, path: e.path }))).toEqual([{ code: 'INTERNAL_SERVER_ERROR', path: ['client', 'bsn'] }]);
      const logged = hub.logs.slice(logsBefore).find((l) => l.msg === 'operation failed');
      expect(JSON.stringify(logged)).toContain(c.reason);
      expect(JSON.stringify(res.body)).not.toContain(client.bsn);
      expect(hub.logText()).not.toContain(client.bsn);

      // Straight at the cipher: the typed error names the reason, never the value or the number.
      const thrown = (() => {
        try {
          cipher.decrypt(c.forge(stored));
        } catch (error) {
          return error;
        }
        return null;
      })();
      expect(thrown).toBeInstanceOf(BsnCipherError);
      expect((thrown as BsnCipherError).code).toBe(c.reason);
      expect((thrown as BsnCipherError).message).not.toContain(client.bsn);
      expect((thrown as BsnCipherError).message).not.toContain(stored.split(':')[2] ?? '');
    });
  }

  it('leaves unreadable rows where they are in the rotation job, counts them by reason and logs no BSN', async () => {
    const forged = await registerClient(hub, token);
    await setCiphertext(forged.id, (await storedCiphertext(forged.id)).replace(/^v2:b:/, 'v2:gone:'));
    const lines: string[] = [];
    const logger = createLogger('keys-rotate', 'info', { write: (line: string) => lines.push(line) });
    const result = await rotateBsnKeys(hub.database.db, cipher, { batchSize: 500, logger });
    expect(result.unreadable.UNKNOWN_KEY_ID).toBeGreaterThanOrEqual(1);
    expect(result.onOldKeys).toBeGreaterThanOrEqual(1);
    expect(await storedCiphertext(forged.id)).toMatch(/^v2:gone:/);
    expect(lines.join('')).toContain(`${result.onOldKeys} rows on old keys`);
    expect(lines.join('')).not.toContain(forged.bsn);
  });

  it('does not take a hash under an unknown key id as proof of a BSN, and finds no client by it', async () => {
    const client = await registerClient(hub, token);
    const [row] = rowsOf<{ bsn_hash: string }>(await hub.database.db.execute(sql`select bsn_hash from cases.client where id = ${client.id}::uuid`));
    const forgedHash = `zz:${(row?.bsn_hash ?? '').split(':')[1]}`;
    await hub.database.db.execute(sql`update cases.client set bsn_hash = ${forgedHash} where id = ${client.id}::uuid`);
    expect(cipher.matches(forgedHash, client.bsn)).toBe(false);
    const found = dataOf(
      await hub.graphql<{ findClientByBsn: { id: string } | null }>(
        `query Find($bsn: String!) { findClientByBsn(bsn: $bsn, purpose: INTEGRATED_SUPPORT) { id } }`,
        { bsn: client.bsn },
        { token },
      ),
    );
    expect(found.findClientByBsn).toBeNull();
  });

  it('finds a signed-in client whose row is still under the old hash key, and only that client', async () => {
    const client = await registerClient(hub, token);
    const old = createBsnCipher(config.bsnEncryptionKeys, { ...config.bsnHashKeys, currentId: '0' });
    await hub.database.db.execute(sql`update cases.client set bsn_hash = ${old.hash(client.bsn)} where id = ${client.id}::uuid`);
    const me = await hub.clientTokenFor({ bsn: client.bsn });
    const res = dataOf(await hub.graphql<{ mySupport: { id: string } | null }>(`query { mySupport { id } }`, undefined, { token: me }));
    expect(res.mySupport?.id).toBe(client.id);
  });
});

describe('BSN keys at configuration load', () => {
  const refused = (env: Record<string, string>) => {
    try {
      loadConfig(env);
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      return (error as ConfigError).message;
    }
    throw new Error('the configuration was accepted');
  };

  it('refuses a key of the wrong length, naming the setting and key id but not the key', () => {
    const short = 'ab'.repeat(16);
    const message = refused({ BSN_ENCRYPTION_KEYS: `new:${short}` });
    expect(message).toMatch(/BSN_ENCRYPTION_KEYS key id new must decode .* 32 to 1024 bytes, got 16/);
    expect(message).not.toContain(short);
    expect(refused({ BSN_HASH_KEY: 'cd'.repeat(31) })).toMatch(/BSN_HASH_KEY key id 0 .* got 31/);
    expect(refused({ BSN_HASH_KEYS: `big:${'ef'.repeat(1025)}` })).toMatch(/got 1025/);
    expect(refused({ BSN_ENCRYPTION_KEY: 'not a key, just a sentence typed in!!' })).toMatch(/got 0/);
  });

  it('refuses malformed key lists: bad or repeated ids, and a current id that is not configured', () => {
    const k = key();
    expect(refused({ BSN_ENCRYPTION_KEYS: `has space:${k}` })).toMatch(/letters, digits or dashes/);
    expect(refused({ BSN_ENCRYPTION_KEYS: `${'x'.repeat(33)}:${k}` })).toMatch(/letters, digits or dashes/);
    expect(refused({ BSN_ENCRYPTION_KEYS: k })).toMatch(/letters, digits or dashes/);
    expect(refused({ BSN_HASH_KEYS: `a:${k},a:${key()}` })).toMatch(/names key id a twice/);
    expect(refused({ BSN_ENCRYPTION_KEY: k, BSN_ENCRYPTION_KEYS: `0:${key()}` })).toMatch(/key id 0 is BSN_ENCRYPTION_KEY/);
    expect(refused({ BSN_ENCRYPTION_KEYS: `a:${k}`, BSN_ENCRYPTION_KEY_CURRENT: 'b' })).toMatch(/names key id b, which is not configured/);
    expect(refused({ BSN_HASH_KEY_CURRENT: 'b' })).toMatch(/no key is configured/);
  });

  it('takes the last listed key as current unless one is named, and counts the list form as configured in production', () => {
    const env = { BSN_ENCRYPTION_KEY: key(), BSN_ENCRYPTION_KEYS: `a:${key()},b:${key()}`, BSN_HASH_KEYS: `h1:${key()}` };
    const c = loadConfig(env);
    expect(c.bsnEncryptionKeys.keys.map((k) => k.id)).toEqual(['0', 'a', 'b']);
    expect(c.bsnEncryptionKeys.currentId).toBe('b');
    expect(c.bsnHashKeys.currentId).toBe('h1');
    expect(c.bsnKeysConfigured).toBe(true);
    expect(loadConfig({ ...env, BSN_ENCRYPTION_KEY_CURRENT: 'a' }).bsnEncryptionKeys.currentId).toBe('a');
    expect(loadConfig({ BSN_ENCRYPTION_KEYS: env.BSN_ENCRYPTION_KEYS }).bsnKeysConfigured).toBe(false);
  });
});
