import { Redis } from 'ioredis';
import type { Logger } from '@hub/service-kit';

/** How long a gateway waits for Redis at start-up before it serves without it (and keeps trying in the background). */
const READY_WAIT_MS = 2_000;

/**
 * The gateway's connection to the Redis that several gateways share (REDIS_URL). A request never waits for a Redis
 * that is gone: commands are not queued while the connection is down (enableOfflineQueue off) and a command that gets
 * no answer fails after a second, so the rate limit falls back to the gateway's own memory and the response cache to a
 * miss. The client reconnects on its own; the outage and the recovery are logged once each, without the URL (it may
 * hold a password).
 */
export interface RedisConnection {
  redis: Redis;
  /** Closes the connection for good (no reconnect, nothing logged). */
  close(): void;
}

export async function connectRedis(url: string, logger: Logger): Promise<RedisConnection> {
  const log = logger.child({ component: 'redis' });
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: 1_000,
    connectTimeout: READY_WAIT_MS,
    retryStrategy: (times) => Math.min(times * 250, 5_000),
    lazyConnect: true,
  });
  let down = false;
  let closing = false;
  const markDown = (code: string | undefined) => {
    if (down || closing) return;
    down = true;
    log.warn(
      { err: { code: code ?? 'unknown' } },
      'redis unavailable: this gateway limits requests in its own memory and serves without the response cache until it is back',
    );
  };
  redis.on('error', (error: Error & { code?: string }) => markDown(error.code ?? error.name));
  // A connection the server closes without an error is an outage too.
  redis.on('close', () => markDown('ECONNCLOSED'));
  redis.on('ready', () => {
    if (!down) return;
    down = false;
    log.info('redis available again: the shared rate limit and response cache are back in use');
  });
  try {
    await redis.connect();
  } catch {
    // Logged by the handlers above; the client keeps reconnecting.
  }
  return {
    redis,
    close() {
      closing = true;
      redis.disconnect();
    },
  };
}
