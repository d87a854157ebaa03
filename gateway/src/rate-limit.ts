import { createHash } from 'node:crypto';
import { ErrorCode } from '@hub/errors';
import { HttpError, type Logger } from '@hub/service-kit';
import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

/**
 * Token bucket per key (an organisation id, or `addr:<client address>` for anonymous callers). Each bucket holds at
 * most `burst` requests and refills at `perSecond`; a request takes one. Without Redis in process memory (with several
 * gateway processes each enforces its own share); with REDIS_URL the buckets live in Redis and every gateway takes from
 * the same one (createSharedRateLimiter).
 */
export interface RateLimiter {
  /** Takes one request from the key's bucket; throws (or rejects with) a 429 HttpError with Retry-After when it is empty. */
  take(key: string): void | Promise<void>;
}

/** The in-memory limiter answers at once. */
export interface LocalRateLimiter extends RateLimiter {
  take(key: string): void;
}

const tooManyRequests = (retryAfter: number) =>
  new HttpError(429, ErrorCode.RATE_LIMITED, `Too many requests; retry after ${retryAfter} s.`, { 'retry-after': String(retryAfter) });

interface Bucket {
  tokens: number;
  updatedMs: number;
}

/** Buckets kept at most; beyond it the least recently used are dropped (a dropped bucket starts full again). */
const MAX_BUCKETS = 100_000;

export function createRateLimiter(options: { perSecond: number; burst: number; now?: () => number }): LocalRateLimiter {
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
      throw tooManyRequests(Math.max(1, Math.ceil((1 - bucket.tokens) / perSecond)));
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

/**
 * The same token bucket in Redis, one Lua script per request (atomic, so two gateways never both take the last token),
 * with Redis's clock (the gateways' clocks do not matter). Run through rate-limiter-flexible's RateLimiterRedis, whose
 * own script (a fixed window) would let a client spend two bursts across a window edge: the script keeps today's
 * semantics. The library answers with "consumed points": a bucket with t tokens left after the take reports
 * burst − ⌊t⌋ (allowed), an empty one burst + 1 and the milliseconds until one token is back. A bucket not touched
 * for as long as it takes to fill up expires (a missing bucket is a full one).
 */
function tokenBucketScript(perSecond: number): string {
  return `
local rate = ${perSecond}
local take = tonumber(ARGV[1])
local ttl = tonumber(ARGV[2])
local burst = tonumber(ARGV[3])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local bucket = redis.call('HMGET', KEYS[1], 'tokens', 'ms')
local tokens = tonumber(bucket[1]) or burst
local last = tonumber(bucket[2]) or now
tokens = math.min(burst, tokens + math.max(0, now - last) * rate / 1000)
local answer
if tokens >= take then
  tokens = tokens - take
  answer = {burst - math.floor(tokens), 0}
else
  answer = {burst + 1, math.ceil((take - tokens) * 1000 / rate)}
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ms', tostring(now))
redis.call('EXPIRE', KEYS[1], ttl)
return answer`;
}

/**
 * The rate limit shared by every gateway on the same Redis. Keys are `<REDIS_PREFIX>ratelimit:` plus a hash of the
 * bucket key (no client address in Redis in the clear). When Redis does not answer, the request is not refused and
 * not failed: it is counted in this gateway's own memory (`fallback`, the in-memory limiter with the same settings),
 * so the hub stays up and still limited, each gateway to its own share, and a warning is logged (redis.ts).
 */
export function createSharedRateLimiter(options: {
  redis: Redis;
  prefix: string;
  perSecond: number;
  burst: number;
  logger: Logger;
  fallback?: LocalRateLimiter;
}): RateLimiter {
  const { redis, prefix, perSecond, burst } = options;
  const fallback = options.fallback ?? createRateLimiter({ perSecond, burst });
  const log = options.logger.child({ component: 'rate-limit' });
  const limiter = new RateLimiterRedis({
    storeClient: redis,
    keyPrefix: `${prefix}ratelimit`,
    points: burst,
    // Seconds until an untouched bucket is full again: then it may expire.
    duration: Math.max(1, Math.ceil(burst / perSecond)),
    customIncrTtlLuaScript: tokenBucketScript(perSecond),
    rejectIfRedisNotReady: true,
  });
  let fellBack = false;
  return {
    async take(key) {
      try {
        await limiter.consume(createHash('sha256').update(key).digest('base64url'));
        fellBack = false;
      } catch (error) {
        if (error instanceof RateLimiterRes) throw tooManyRequests(Math.max(1, Math.ceil(error.msBeforeNext / 1000)));
        if (!fellBack) {
          fellBack = true;
          log.warn({ err: { type: error instanceof Error ? error.name : 'unknown' } }, 'rate limit counted in this gateway only: redis did not answer');
        }
        fallback.take(key);
      }
    },
  };
}
