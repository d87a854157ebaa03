import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuthenticationError, createEphemeralIssuer, createTokenVerifier, signToken } from '../src/index.ts';

const ORG = '0b3f7d2e-8f3c-4d5e-9a1b-2c3d4e5f6a7b';
const request = { subject: 'co-1', organizationId: ORG, organizationType: 'GEMEENTE' as const, roles: ['CLIENTONDERSTEUNER' as const], gemeenteCode: 'GM0363' };

describe('token verifier', () => {
  afterEach(() => vi.useRealTimers());

  it('answers a token it verified before with the same principal', async () => {
    const issuer = await createEphemeralIssuer();
    const verify = await createTokenVerifier([issuer.config], issuer.audience);
    const token = await signToken(issuer, request);
    const first = await verify(token);
    const second = await verify(token);
    expect(second).toBe(first);
    expect(first).toMatchObject({ organizationId: ORG, roles: ['CLIENTONDERSTEUNER'], gemeenteCode: 'GM0363' });
    expect(Object.isFrozen(first)).toBe(true);
  });

  it('refuses a remembered token once it has expired', async () => {
    const issuer = await createEphemeralIssuer();
    const verify = await createTokenVerifier([issuer.config], issuer.audience);
    const token = await signToken(issuer, { ...request, expiresIn: '60s' });
    await verify(token);
    // Clocks may differ by 60 s, so the token still counts 60 s past its exp.
    vi.useFakeTimers({ now: Date.now() + 90_000, toFake: ['Date'] });
    await expect(verify(token)).resolves.toMatchObject({ subject: 'co-1' });
    vi.setSystemTime(Date.now() + 31_000);
    await expect(verify(token)).rejects.toThrow('The bearer token has expired.');
  });

  it('refuses a token that lives longer than the configured lifetime', async () => {
    const issuer = await createEphemeralIssuer();
    const verify = await createTokenVerifier([issuer.config], issuer.audience, { maxLifetimeSeconds: 3600 });
    await expect(verify(await signToken(issuer, request))).rejects.toThrow(/longer than the hub accepts \(at most 3600 s/);
    await expect(verify(await signToken(issuer, { ...request, expiresIn: '1h' }))).resolves.toMatchObject({ subject: 'co-1' });
  });

  it('does not let a token with a changed signature ride on a remembered one', async () => {
    const issuer = await createEphemeralIssuer();
    const verify = await createTokenVerifier([issuer.config], issuer.audience);
    const token = await signToken(issuer, request);
    await verify(token);
    const [header, payload, signature = ''] = token.split('.');
    const flipped = `${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`;
    await expect(verify(`${header}.${payload}.${flipped}`)).rejects.toBeInstanceOf(AuthenticationError);
    // A token of another issuer with the same claims is refused too.
    const stranger = await createEphemeralIssuer();
    await expect(verify(await signToken(stranger, request))).rejects.toBeInstanceOf(AuthenticationError);
  });
});
