import { randomBytes } from 'node:crypto';

/**
 * A set of keys for one use (encrypting BSNs, or their keyed look-up hash), each under a key id that is stored with
 * what it produced. The current key writes; every key reads. Rotating means adding a key, moving the stored values
 * to it (npm run keys:rotate) and then removing the old one.
 */
export interface KeyRing {
  /** The key id new values are written under. */
  currentId: string;
  /** Every configured key, oldest first; ids are unique. */
  keys: readonly { id: string; material: Buffer }[];
}

/** The key id of the single-key form (BSN_ENCRYPTION_KEY, BSN_HASH_KEY) and of values written before key ids existed. */
export const LEGACY_KEY_ID = '0';

/** Key ids are stored in every value: short, and nothing that could be read as a separator or pattern. */
const KEY_ID = /^[A-Za-z0-9-]{1,32}$/;

/** Fewer bytes than an AES-256 key or an HMAC-SHA256 block's worth of entropy is refused. */
const MIN_KEY_BYTES = 32;
/** More than this is a mistake (a file pasted in, say), not key material. */
const MAX_KEY_BYTES = 1024;

export class KeyRingError extends Error {
  override name = 'ConfigError';
}

/** Hex or base64 key material; the message names the setting and the key id, never the material. */
function decodeKey(setting: string, id: string, value: string): Buffer {
  const trimmed = value.trim();
  const bytes = /^(?:[0-9a-fA-F]{2})+$/.test(trimmed)
    ? Buffer.from(trimmed, 'hex')
    : /^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)
      ? Buffer.from(trimmed, 'base64')
      : Buffer.alloc(0);
  if (bytes.length < MIN_KEY_BYTES || bytes.length > MAX_KEY_BYTES) {
    throw new KeyRingError(
      `Invalid configuration: ${setting} key id ${id} must decode (hex or base64) to ${MIN_KEY_BYTES} to ${MAX_KEY_BYTES} bytes, got ${bytes.length}`,
    );
  }
  return bytes;
}

/**
 * Reads one key ring from its three settings: `single` (the key of id "0", the form from before rotation existed),
 * `list` ("id:key,id:key", oldest first) and `current` (the id that writes; default the last one listed). Nothing set:
 * a key generated for this process only (outside production; see requireBsnKeys).
 */
export function parseKeyRing(
  names: { single: string; list: string; current: string },
  values: { single: string | undefined; list: string | undefined; current: string | undefined },
): { ring: KeyRing; configured: boolean } {
  const keys: { id: string; material: Buffer }[] = [];
  if (values.single) keys.push({ id: LEGACY_KEY_ID, material: decodeKey(names.single, LEGACY_KEY_ID, values.single) });
  for (const entry of (values.list ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)) {
    const colon = entry.indexOf(':');
    const id = colon > 0 ? entry.slice(0, colon) : '';
    if (!KEY_ID.test(id)) {
      throw new KeyRingError(`Invalid configuration: ${names.list} entries are id:key with an id of 1 to 32 letters, digits or dashes`);
    }
    if (keys.some((k) => k.id === id)) {
      const why = id === LEGACY_KEY_ID && values.single ? ` (key id ${LEGACY_KEY_ID} is ${names.single})` : '';
      throw new KeyRingError(`Invalid configuration: ${names.list} names key id ${id} twice${why}`);
    }
    keys.push({ id, material: decodeKey(names.list, id, entry.slice(colon + 1)) });
  }
  if (keys.length === 0) {
    if (values.current) throw new KeyRingError(`Invalid configuration: ${names.current} is set but no key is configured`);
    return { ring: { currentId: LEGACY_KEY_ID, keys: [{ id: LEGACY_KEY_ID, material: randomBytes(32) }] }, configured: false };
  }
  const currentId = values.current?.trim() || (keys[keys.length - 1]?.id ?? LEGACY_KEY_ID);
  if (!keys.some((k) => k.id === currentId)) {
    throw new KeyRingError(`Invalid configuration: ${names.current} names key id ${currentId}, which is not configured`);
  }
  return { ring: { currentId, keys }, configured: true };
}
