import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { type KeyRing, LEGACY_KEY_ID } from '@hub/config';

/**
 * BSN at rest: AES-256-GCM ciphertext for showing it to those allowed, and an HMAC-SHA256 under a separate key
 * for exact lookup. Two keys, so a leaked lookup key does not decrypt and the hash cannot be brute-forced over
 * the ~10^8 valid BSNs without the hash key.
 *
 * Both carry the id of the key that made them, so keys can be rotated (docs/operations.md, "Keys and their rotation"):
 * - ciphertext `v2:<key id>:<base64 of iv | tag | ciphertext>`, the "v2:<key id>" bound in as associated data;
 *   `v1:<base64 …>` (written before key ids existed) was made with key id 0;
 * - hash `<key id>:<base64url HMAC>`; under key id 0 the bare HMAC, as before key ids existed, so existing rows and the
 *   unique index on it stay valid.
 */
export interface BsnCipher {
  /** Encrypts under the current encryption key. */
  encrypt(bsn: string): string;
  /** Decrypts under the key the value names; throws a BsnCipherError (without the value) when it cannot. */
  decrypt(stored: string): string;
  /** The look-up hash under the current hash key, as stored. */
  hash(bsn: string): string;
  /** The look-up hash under every configured hash key (current first): a look-up during a rotation matches any. */
  hashes(bsn: string): string[];
  /** Whether a stored hash is this BSN's under the key it names (false for a key that is not configured). */
  matches(storedHash: string, bsn: string): boolean;
  /** Key ids of the current keys. */
  currentEncryptionKeyId: string;
  currentHashKeyId: string;
  /** The key id a stored ciphertext or hash names (null for a value in no known format). */
  encryptionKeyIdOf(stored: string): string | null;
  hashKeyIdOf(stored: string): string | null;
}

export type BsnCipherFailure = 'UNKNOWN_KEY_ID' | 'MALFORMED' | 'AUTHENTICATION_FAILED';

/**
 * A stored BSN that cannot be read: its key id is not configured, it is not in a known format, or it fails its
 * authentication tag (altered, or made under another key of the same id). The message names the reason and the key
 * id only, never the value or the number.
 */
export class BsnCipherError extends Error {
  override name = 'BsnCipherError';
  constructor(
    readonly code: BsnCipherFailure,
    readonly keyId: string | null,
  ) {
    const messages: Record<BsnCipherFailure, string> = {
      UNKNOWN_KEY_ID: `The stored BSN was encrypted under key id ${keyId}, which is not configured (BSN_ENCRYPTION_KEYS).`,
      MALFORMED: 'The stored BSN ciphertext is not in a known format.',
      AUTHENTICATION_FAILED: `The stored BSN ciphertext under key id ${keyId} fails its authentication tag: it was altered or made under another key.`,
    };
    super(messages[code]);
  }
}

const KEY_ID = /^[A-Za-z0-9-]{1,32}$/;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** The AES key of one key's material: HKDF gives exactly 32 bytes and binds them to this use. */
const aesKeyOf = (material: Buffer) => Buffer.from(hkdfSync('sha256', material, Buffer.alloc(0), 'hub-cases-bsn-aes-256-gcm', 32));

/** The parts of a stored ciphertext: key id, payload, and the associated data it was sealed with. */
function parseCiphertext(stored: string): { keyId: string; payload: string; aad: Buffer | null } | null {
  const parts = stored.split(':');
  if (parts.length === 2 && parts[0] === 'v1' && parts[1]) return { keyId: LEGACY_KEY_ID, payload: parts[1], aad: null };
  if (parts.length === 3 && parts[0] === 'v2' && parts[1] && KEY_ID.test(parts[1]) && parts[2]) {
    return { keyId: parts[1], payload: parts[2], aad: Buffer.from(`v2:${parts[1]}`, 'utf8') };
  }
  return null;
}

export function createBsnCipher(encryption: KeyRing, hashing: KeyRing): BsnCipher {
  const aesKeys = new Map(encryption.keys.map((k) => [k.id, aesKeyOf(k.material)]));
  const hashKeys = new Map(hashing.keys.map((k) => [k.id, k.material]));
  const currentAes = aesKeys.get(encryption.currentId);
  const currentHash = hashKeys.get(hashing.currentId);
  if (!currentAes || !currentHash) throw new Error('The current BSN key ids must be among the configured keys');
  const hmac = (key: Buffer, bsn: string) => createHmac('sha256', key).update(bsn, 'utf8').digest('base64url');
  const tagged = (keyId: string, mac: string) => (keyId === LEGACY_KEY_ID ? mac : `${keyId}:${mac}`);
  const hashKeyIdOf = (stored: string) => {
    const colon = stored.indexOf(':');
    if (colon < 0) return LEGACY_KEY_ID;
    const keyId = stored.slice(0, colon);
    return KEY_ID.test(keyId) ? keyId : null;
  };
  const hashUnder = (keyId: string, bsn: string) => {
    const key = hashKeys.get(keyId);
    return key ? tagged(keyId, hmac(key, bsn)) : null;
  };

  return {
    currentEncryptionKeyId: encryption.currentId,
    currentHashKeyId: hashing.currentId,
    encrypt(bsn) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', currentAes, iv);
      cipher.setAAD(Buffer.from(`v2:${encryption.currentId}`, 'utf8'));
      const ciphertext = Buffer.concat([cipher.update(bsn, 'utf8'), cipher.final()]);
      return `v2:${encryption.currentId}:${Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64')}`;
    },
    decrypt(stored) {
      const parsed = parseCiphertext(stored);
      if (!parsed) throw new BsnCipherError('MALFORMED', null);
      const key = aesKeys.get(parsed.keyId);
      if (!key) throw new BsnCipherError('UNKNOWN_KEY_ID', parsed.keyId);
      const raw = Buffer.from(parsed.payload, 'base64');
      if (raw.length <= IV_BYTES + TAG_BYTES) throw new BsnCipherError('MALFORMED', parsed.keyId);
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
        if (parsed.aad) decipher.setAAD(parsed.aad);
        decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
        return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
      } catch {
        throw new BsnCipherError('AUTHENTICATION_FAILED', parsed.keyId);
      }
    },
    hash(bsn) {
      return tagged(hashing.currentId, hmac(currentHash, bsn));
    },
    hashes(bsn) {
      const ids = [hashing.currentId, ...hashing.keys.map((k) => k.id).filter((id) => id !== hashing.currentId)];
      return ids.flatMap((id) => hashUnder(id, bsn) ?? []);
    },
    matches(storedHash, bsn) {
      const keyId = hashKeyIdOf(storedHash);
      return keyId !== null && hashUnder(keyId, bsn) === storedHash;
    },
    encryptionKeyIdOf: (stored) => parseCiphertext(stored)?.keyId ?? null,
    hashKeyIdOf,
  };
}
