import { ErrorCode } from '@hub/errors';
import { HttpError } from '@hub/service-kit';

/**
 * Token bucket per key (an organisation id, or `addr:<client address>` for anonymous callers). Each bucket holds at
 * most `burst` requests and refills at `perSecond`; a request takes one. In process memory: with several gateway
 * processes each enforces its own share, which is enough to keep one organisation from starving the others.
 */
export interface RateLimiter {
  /** Takes one request from the key's bucket; throws a 429 HttpError with Retry-After when it is empty. */
  take(key: string): void;
}

interface Bucket {
  tokens: number;
  updatedMs: number;
}

/** Buckets kept at most; beyond it the least recently used are dropped (a dropped bucket starts full again). */
const MAX_BUCKETS = 100_000;

export function createRateLimiter(options: { perSecond: number; burst: number; now?: () => number }): RateLimiter {
  const { perSecond, burst } = options;
  const now = options.now ?? (() => performance.now());
  const buckets = new Map<string, Bucket>();
  return {
    take(key) {
      const t = now();
      const bucket = buckets.get(key) ?? { tokens: burst, updatedMs: t };
      bucket.tokens = Math.min(burst, bucket.tokens + ((t - bucket.updatedMs) / 1000) * perSecond);
      bucket.updatedMs = t;
      // Re-inserting keeps the Map in least-recently-used order, so eviction drops idle keys first.
      buckets.delete(key);
      buckets.set(key, bucket);
      if (buckets.size > MAX_BUCKETS) {
        const oldest = buckets.keys().next().value;
        if (oldest !== undefined) buckets.delete(oldest);
      }
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return;
      }
      const retryAfter = Math.max(1, Math.ceil((1 - bucket.tokens) / perSecond));
      throw new HttpError(429, ErrorCode.RATE_LIMITED, `Too many requests; retry after ${retryAfter} s.`, { 'retry-after': String(retryAfter) });
    },
  };
}

/**
 * The bucket key of a request: the caller's organisation, else the client address (no personal data either way).
 * The address is the connection's, or behind a trusted proxy the one it forwarded (forwarded.ts): a client cannot
 * pick a new bucket by writing x-forwarded-for itself.
 */
export function rateLimitKey(organizationId: string | undefined, clientAddress: string): string {
  return organizationId ? `org:${organizationId}` : `addr:${clientAddress}`;
}
