import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUBGRAPH_NAMES } from '@hub/config';
import { startTestHub, type GraphQLResult, type TestHub } from '@hub/testing';

/**
 * A bearer token must expire, and soon: a token without exp, or with an exp years ahead, would otherwise be a
 * permanent key to client data once it leaks. The gateway and every subgraph (which verify tokens themselves, since
 * anyone holding a subgraph secret could call them) refuse such tokens with 401 and say why; 60 s of clock
 * difference between issuer and hub is tolerated.
 */

const SUBJECT = 'lifetime-subject-7f3a';
const HOUR = 3600;
const TEN_YEARS = 10 * 365 * 24 * HOUR;

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(async () => {
  await hub?.stop();
});

const now = () => Math.floor(Date.now() / 1000);

/** A token signed by the trusted test issuer with the hub claims, and iat / exp exactly as given (undefined: left out). */
async function craftedToken(times: { iat: number | undefined; exp: number | undefined }): Promise<string> {
  // A fresh organisation per token: the verifier remembers tokens it accepted, so every request verifies anew.
  const jwt = new SignJWT({ org: randomUUID(), org_type: 'GEMEENTE', roles: ['TOEGANG'], gemeente: 'GM0363' })
    .setProtectedHeader({ alg: 'ES256' })
    .setSubject(SUBJECT)
    .setIssuer(hub.issuer.issuer)
    .setAudience(hub.issuer.audience);
  if (times.iat !== undefined) jwt.setIssuedAt(times.iat);
  if (times.exp !== undefined) jwt.setExpirationTime(times.exp);
  return jwt.sign(hub.issuer.privateKey);
}

const QUERY = '{ __typename }';
type Door = 'gateway' | (typeof SUBGRAPH_NAMES)[number];
const DOORS: Door[] = ['gateway', ...SUBGRAPH_NAMES];

/** Sends the token through the gateway, or straight at a subgraph with that subgraph's right secret. */
function send(door: Door, token: string): Promise<GraphQLResult> {
  if (door === 'gateway') return hub.graphql(QUERY, undefined, { token });
  return hub.directSubgraphRequest(door, QUERY, { secret: hub.subgraphSecrets[door], token });
}

function expectRefused(result: GraphQLResult, token: string, why: RegExp): void {
  expect(result.status).toBe(401);
  expect(result.body.data ?? undefined).toBeUndefined();
  const error = result.body.errors?.[0];
  expect(error?.extensions?.code).toBe('UNAUTHENTICATED');
  expect(error?.message).toMatch(why);
  // The reason is stated without echoing what the token holds.
  expect(error?.message).not.toContain(SUBJECT);
  expect(JSON.stringify(result.body)).not.toContain(token);
}

function expectAccepted(result: GraphQLResult): void {
  expect(result.status).toBe(200);
  expect(result.body.errors).toBeUndefined();
  expect(result.body.data).toEqual({ __typename: 'Query' });
}

describe.each(DOORS)('bearer token lifetime at %s', (door) => {
  it('refuses a token without exp', async () => {
    const token = await craftedToken({ iat: now(), exp: undefined });
    expectRefused(await send(door, token), token, /no valid expiry/);
  });

  it('refuses a token whose exp is ten years ahead', async () => {
    const token = await craftedToken({ iat: now(), exp: now() + TEN_YEARS });
    expectRefused(await send(door, token), token, /longer than the hub accepts/);
  });

  it('refuses a token without iat whose exp is ten years ahead', async () => {
    const token = await craftedToken({ iat: undefined, exp: now() + TEN_YEARS });
    expectRefused(await send(door, token), token, /longer than the hub accepts/);
  });

  it('refuses a token issued for 25 h even when only one hour of it is left', async () => {
    const token = await craftedToken({ iat: now() - 24 * HOUR, exp: now() + HOUR });
    expectRefused(await send(door, token), token, /longer than the hub accepts/);
  });

  it('refuses a token issued an hour in the future', async () => {
    const token = await craftedToken({ iat: now() + HOUR, exp: now() + 2 * HOUR });
    expectRefused(await send(door, token), token, /issued in the future/);
  });

  it('refuses a token that expired five minutes ago', async () => {
    const token = await craftedToken({ iat: now() - HOUR, exp: now() - 300 });
    expectRefused(await send(door, token), token, /has expired/);
  });

  it('accepts a token of 12 h, the longest allowed', async () => {
    const t = now();
    expectAccepted(await send(door, await craftedToken({ iat: t, exp: t + 12 * HOUR })));
  });

  it('accepts a token issued 30 s in the future (within the 60 s clock skew)', async () => {
    const t = now();
    expectAccepted(await send(door, await craftedToken({ iat: t + 30, exp: t + 30 + HOUR })));
  });

  it('accepts a token that expired 30 s ago (within the 60 s clock skew)', async () => {
    expectAccepted(await send(door, await craftedToken({ iat: now() - HOUR, exp: now() - 30 })));
  });
});

describe('tokens the hub signs itself', () => {
  it('accepts the default test token (12 h, as npm start prints)', async () => {
    const token = await hub.tokenFor({ organizationType: 'GEMEENTE', roles: ['TOEGANG'], gemeenteCode: 'GM0363' });
    expectAccepted(await send('gateway', token));
    expectAccepted(await send('cases', token));
  });
});
