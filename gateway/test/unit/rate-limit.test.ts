import { describe, expect, it } from 'vitest';
import { ErrorCode } from '@hub/errors';
import { HttpError } from '@hub/service-kit';
import { createRateLimiter, rateLimitKey } from '../../src/rate-limit.ts';

/** The token bucket on a hand-driven clock; tests/limits.test.ts checks the same limit through a running gateway. */

function refusal(take: () => void): HttpError {
  try {
    take();
  } catch (error) {
    if (error instanceof HttpError) return error;
    throw error;
  }
  throw new Error('the request was let through');
}

describe('rate limiter', () => {
  it('lets a burst through, then refuses with 429 RATE_LIMITED and a Retry-After in whole seconds', () => {
    let ms = 0;
    const limiter = createRateLimiter({ perSecond: 0.5, burst: 3, now: () => ms });
    for (let i = 0; i < 3; i++) limiter.take('org:a');
    const refused = refusal(() => limiter.take('org:a'));
    expect([refused.status, refused.code, refused.headers['retry-after']]).toEqual([429, ErrorCode.RATE_LIMITED, '2']);
    ms += 1000;
    // Half a request refilled: still refused, and now one second to wait.
    expect(refusal(() => limiter.take('org:a')).headers['retry-after']).toBe('1');
  });

  it('refills at the configured rate, never above the burst', () => {
    let ms = 0;
    const limiter = createRateLimiter({ perSecond: 2, burst: 2, now: () => ms });
    limiter.take('org:a');
    limiter.take('org:a');
    ms += 500;
    limiter.take('org:a');
    expect(() => limiter.take('org:a')).toThrow(HttpError);
    ms += 60_000;
    limiter.take('org:a');
    limiter.take('org:a');
    expect(() => limiter.take('org:a')).toThrow(HttpError);
  });

  it('keeps one bucket per key, so one organisation cannot starve another', () => {
    const limiter = createRateLimiter({ perSecond: 0.001, burst: 1, now: () => 0 });
    limiter.take(rateLimitKey('org-a', '10.0.0.1'));
    expect(() => limiter.take(rateLimitKey('org-a', '10.0.0.2'))).toThrow(HttpError);
    limiter.take(rateLimitKey('org-b', '10.0.0.1'));
    limiter.take(rateLimitKey(undefined, '10.0.0.1'));
    expect(() => limiter.take(rateLimitKey(undefined, '10.0.0.1'))).toThrow(HttpError);
  });
});
