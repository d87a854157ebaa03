import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Webhook signatures: header `x-hub-signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`.
 * Signing the timestamp with the body lets a receiver refuse replays older than a few minutes. docs/referrals.md
 * shows the receiver's side; the tests verify deliveries with that documented code, not with this file.
 */
export const SIGNATURE_HEADER = 'x-hub-signature';
export const EVENT_ID_HEADER = 'x-hub-event-id';
export const DELIVERY_ID_HEADER = 'x-hub-delivery-id';

export function signWebhook(secret: string, body: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  const mac = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
  return `t=${t},v1=${mac}`;
}

/** Verifies a signature header (used by the hub's own tests of the header format). */
export function verifyWebhookSignature(secret: string, body: string, header: string, now: Date, toleranceSeconds = 300): boolean {
  const parts = new Map(header.split(',').map((p) => p.split('=', 2) as [string, string]));
  const t = Number(parts.get('t'));
  const v1 = parts.get('v1') ?? '';
  if (!Number.isInteger(t) || Math.abs(now.getTime() / 1000 - t) > toleranceSeconds) return false;
  const expected = Buffer.from(createHmac('sha256', secret).update(`${t}.${body}`).digest('hex'));
  const given = Buffer.from(v1);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function generateWebhookSecret(): string {
  return randomBytes(32).toString('base64url');
}
