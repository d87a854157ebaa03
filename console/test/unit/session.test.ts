import { describe, expect, it } from 'vitest';
import { userFromToken } from '../../src/auth/session.ts';

/** The console reads the user from a token's claims: a professional's (with an organisation) or a client's (without). */

const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const token = (claims: Record<string, unknown>) => `${part({ alg: 'ES256' })}.${part(claims)}.signature`;

describe('userFromToken', () => {
  it('reads a professional with an organisation', () => {
    const user = userFromToken(token({ sub: 'p1', name: 'Sanne', org: 'org-1', org_type: 'GEMEENTE', roles: ['TOEGANG'], gemeente: 'GM0363' }));
    expect(user).toMatchObject({ subject: 'p1', organizationId: 'org-1', organizationType: 'GEMEENTE', roles: ['TOEGANG'], gemeenteCode: 'GM0363' });
  });

  it('reads a client (role CLIENT) without an organisation, and never the BSN', () => {
    const user = userFromToken(token({ sub: 'demo-client-anna', name: 'Anna Demohuis', roles: ['CLIENT'], bsn: '999900006' }));
    expect(user).toMatchObject({
      subject: 'demo-client-anna',
      name: 'Anna Demohuis',
      organizationId: undefined,
      organizationType: 'CLIENT',
      roles: ['CLIENT'],
    });
    expect(JSON.stringify(user)).not.toContain('999900006');
  });

  it('refuses a professional role without an organisation, and a client role mixed with another', () => {
    expect(() => userFromToken(token({ sub: 'x', roles: ['TOEGANG'] }))).toThrow();
    expect(() => userFromToken(token({ sub: 'x', roles: ['CLIENT', 'TOEGANG'] }))).toThrow();
    expect(() => userFromToken(token({ roles: ['CLIENT'] }))).toThrow();
  });
});
