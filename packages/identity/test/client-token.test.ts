import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { demoBsn } from '@hub/domain';
import { createEphemeralIssuer, createTokenVerifier, signToken, type DevIssuer } from '../src/index.ts';

const BSN = demoBsn(1);
const OTHER_BSN = demoBsn(2);

/** A token with exactly these claims, as a broker could send it (signToken only makes well-formed ones). */
const raw = (issuer: DevIssuer, claims: Record<string, unknown>) =>
  new SignJWT(claims)
    .setProtectedHeader({ alg: 'ES256' })
    .setSubject('digid-1')
    .setIssuer(issuer.issuer)
    .setAudience(issuer.audience)
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(issuer.privateKey);

describe('client tokens (role CLIENT)', () => {
  it('makes a client caller of its own kind, with the BSN of the client and no organisation', async () => {
    const issuer = await createEphemeralIssuer();
    const verify = await createTokenVerifier([issuer.config], issuer.audience);
    const caller = await verify(await signToken(issuer, { subject: 'digid-1', name: 'Anna', roles: ['CLIENT'], bsn: BSN }));
    expect(caller).toEqual({ kind: 'client', subject: 'digid-1', name: 'Anna', roles: ['CLIENT'], clientBsn: BSN, machtiging: undefined });
    expect(Object.isFrozen(caller)).toBe(true);
  });

  it('under a machtiging reaches the represented client, with the scope', async () => {
    const issuer = await createEphemeralIssuer();
    const verify = await createTokenVerifier([issuer.config], issuer.audience);
    const caller = await verify(
      await signToken(issuer, { subject: 'rep-1', roles: ['CLIENT'], bsn: OTHER_BSN, machtiging: { bsn: BSN, scope: ['READ', 'READ'] } }),
    );
    expect(caller).toMatchObject({ kind: 'client', clientBsn: BSN, machtiging: { scope: ['READ'] } });
  });

  it('refuses a client token without a BSN, with an invalid BSN, with an organisation, with another role or an unknown scope', async () => {
    const issuer = await createEphemeralIssuer();
    const verify = await createTokenVerifier([issuer.config], issuer.audience);
    const invalid = `${BSN.slice(0, 8)}${(Number(BSN[8]) + 1) % 10}`;
    for (const claims of [
      { roles: ['CLIENT'] },
      { roles: ['CLIENT'], bsn: invalid },
      { roles: ['CLIENT'], bsn: BSN, org: '0b3f7d2e-8f3c-4d5e-9a1b-2c3d4e5f6a7b' },
      { roles: ['CLIENT', 'TOEGANG'], bsn: BSN },
      { roles: ['CLIENT'], machtiging: { bsn: BSN, scope: ['EVERYTHING'] } },
      { roles: ['CLIENT'], machtiging: { bsn: BSN, scope: [] } },
    ]) {
      await expect(verify(await raw(issuer, claims)), JSON.stringify(claims)).rejects.toThrow('The bearer token lacks required client claims.');
    }
  });
});
