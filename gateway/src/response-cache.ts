import { InMemoryLRUCache, type KeyValueCache, type KeyValueCacheSetOptions } from '@apollo/utils.keyvaluecache';
import type { Logger } from '@hub/service-kit';
import type { Redis } from 'ioredis';

/**
 * Where the gateway keeps whole answers (`@apollo/server-plugin-response-cache`), and how a directory mutation drops
 * them. The plugin decides what is kept and under which key: only answers whose every subgraph part carried a cache
 * hint (the sociale kaart's public directory data), public ones once for all anonymous callers, private ones under a
 * key that holds the caller's session (plugins.ts, graphql-route.ts); its keys are SHA-256 hashes.
 */
export interface ResponseCache extends KeyValueCache<string> {
  /** Drops every kept answer, for every gateway that shares this cache. */
  invalidate(): Promise<void>;
}

/** One gateway's own cache (no REDIS_URL), as before: 64 MiB, least recently used answers dropped first. */
export function createLocalResponseCache(): ResponseCache {
  const cache = new InMemoryLRUCache<string>({ maxSize: 64 * 2 ** 20 });
  return {
    get: (key) => cache.get(key),
    set: (key, value, options) => cache.set(key, value, options),
    delete: (key) => cache.delete(key),
    async invalidate() {
      cache.clear();
    },
  };
}

/** Longest any answer is kept when the plugin gives no TTL (it always does: the cache hint's max-age, at most an hour). */
const MAX_TTL_SECONDS = 3_600;

/**
 * The cache shared by every gateway on the same Redis. An entry's key is `<prefix>cache:<generation>:<plugin key>`,
 * with the generation a counter in Redis (`<prefix>cache:generation`): a directory mutation through any gateway
 * increments it, so every gateway's next read looks under the new generation and misses; the old entries are never
 * read again and expire with their TTL (no KEYS, SCAN or FLUSH). The counter is read in the same script as the entry,
 * so a read never sees an entry of an older generation.
 *
 * When Redis does not answer, a read is a miss and a write is skipped (logged once per outage in redis.ts): the gateway
 * serves from the subgraphs. A local fallback cache could not be dropped by another gateway's mutation, so none is kept.
 */
export function createSharedResponseCache(options: { redis: Redis; prefix: string; logger: Logger }): ResponseCache {
  const { redis, prefix } = options;
  const log = options.logger.child({ component: 'response-cache' });
  const generationKey = `${prefix}cache:generation`;
  const entryPrefix = `${prefix}cache:`;
  const scripts = redis as Redis & {
    hubCacheGet(generationKey: string, entryPrefix: string, key: string): Promise<string | null>;
    hubCacheSet(generationKey: string, entryPrefix: string, key: string, value: string, ttlSeconds: number): Promise<unknown>;
    hubCacheDelete(generationKey: string, entryPrefix: string, key: string): Promise<number>;
  };
  const entryKey = `local entry = ARGV[1] .. (redis.call('GET', KEYS[1]) or '0') .. ':' .. ARGV[2]`;
  redis.defineCommand('hubCacheGet', { numberOfKeys: 1, lua: `${entryKey}\nreturn redis.call('GET', entry)` });
  redis.defineCommand('hubCacheSet', { numberOfKeys: 1, lua: `${entryKey}\nreturn redis.call('SET', entry, ARGV[3], 'EX', ARGV[4])` });
  redis.defineCommand('hubCacheDelete', { numberOfKeys: 1, lua: `${entryKey}\nreturn redis.call('DEL', entry)` });

  let failing = false;
  const failed = (what: string) => (error: unknown) => {
    if (!failing) log.warn({ op: what, err: { type: error instanceof Error ? error.name : 'unknown' } }, 'response cache skipped: redis did not answer');
    failing = true;
    return undefined;
  };
  const answered = <T>(value: T): T => {
    failing = false;
    return value;
  };

  return {
    async get(key) {
      const value = await scripts.hubCacheGet(generationKey, entryPrefix, key).then(answered, failed('get'));
      return value ?? undefined;
    },
    async set(key, value, setOptions?: KeyValueCacheSetOptions) {
      const ttl = Math.min(MAX_TTL_SECONDS, Math.max(1, Math.ceil(setOptions?.ttl ?? MAX_TTL_SECONDS)));
      await scripts.hubCacheSet(generationKey, entryPrefix, key, value, ttl).then(answered, failed('set'));
    },
    async delete(key) {
      const removed = await scripts.hubCacheDelete(generationKey, entryPrefix, key).then(answered, failed('delete'));
      return removed === undefined ? undefined : removed > 0;
    },
    async invalidate() {
      await redis.incr(generationKey).then(answered, failed('invalidate'));
    },
  };
}
