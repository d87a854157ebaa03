import { createHash, randomBytes } from 'node:crypto';

/** A link token: 32 random bytes, base64url (43 characters). Only its hash is ever stored. */
export const mintToken = (): string => randomBytes(32).toString('base64url');

/** The SHA-256 of a token, hex: what light_link.token_hash holds and what a presented token is looked up by. */
export const hashToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');
