import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * BSN at rest: AES-256-GCM ciphertext for showing it to those allowed, and an HMAC-SHA256 under a separate key
 * for exact lookup. Two keys, so a leaked lookup key does not decrypt and the hash cannot be brute-forced over
 * the ~10^8 valid BSNs without the hash key.
 */
export interface BsnCipher {
  encrypt(bsn: string): string;
  /** Null when the value was written under another key (e.g. a development restart without a configured key). */
  decrypt(stored: string): string | null;
  hash(bsn: string): string;
}

const FORMAT = 'v1';

export function createBsnCipher(encryptionKeyMaterial: Buffer, hashKey: Buffer): BsnCipher {
  // Key material may be longer than 32 bytes; HKDF gives exactly the AES-256 key and binds it to this use.
  const key = Buffer.from(hkdfSync('sha256', encryptionKeyMaterial, Buffer.alloc(0), 'hub-cases-bsn-aes-256-gcm', 32));
  return {
    encrypt(bsn) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const ciphertext = Buffer.concat([cipher.update(bsn, 'utf8'), cipher.final()]);
      return `${FORMAT}:${Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64')}`;
    },
    decrypt(stored) {
      const [format, payload] = stored.split(':');
      if (format !== FORMAT || !payload) return null;
      const raw = Buffer.from(payload, 'base64');
      if (raw.length < 29) return null;
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
        decipher.setAuthTag(raw.subarray(12, 28));
        return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
      } catch {
        return null;
      }
    },
    hash(bsn) {
      return createHmac('sha256', hashKey).update(bsn, 'utf8').digest('base64url');
    },
  };
}
