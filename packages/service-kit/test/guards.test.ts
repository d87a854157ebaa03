import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { CARE_ROLES } from '@hub/domain';
import { ANONYMOUS, type Principal } from '@hub/identity';
import { requireRole, requireUser, requireVersion } from '../src/guards.ts';

const beheerder: Principal = {
  kind: 'user',
  subject: 'test-subject',
  name: undefined,
  organizationId: '00000000-0000-4000-8000-000000000001',
  organizationType: 'OCO',
  roles: ['BEHEERDER'],
  gemeenteCode: undefined,
  zorgkantoorregio: undefined,
};

function refusal(check: () => unknown): GraphQLError {
  try {
    check();
  } catch (e) {
    if (e instanceof GraphQLError) return e;
    throw e;
  }
  throw new Error('the check passed');
}

describe('requireUser', () => {
  it('returns the signed-in caller', () => {
    expect(requireUser({ caller: beheerder })).toBe(beheerder);
  });

  it('refuses an anonymous caller with UNAUTHENTICATED, with the default message or the one given', () => {
    const plain = refusal(() => requireUser({ caller: ANONYMOUS }));
    expect(plain.extensions.code).toBe('UNAUTHENTICATED');
    expect(plain.message).toBe('A valid bearer token is required for this operation.');
    expect(refusal(() => requireUser({ caller: ANONYMOUS }, 'Sign in to read referrals.')).message).toBe('Sign in to read referrals.');
  });
});

describe('requireRole', () => {
  it('returns a caller holding one of the roles', () => {
    expect(requireRole({ caller: beheerder }, ['TOEGANG', 'BEHEERDER'], 'no')).toBe(beheerder);
  });

  it('refuses a signed-in caller without the role with FORBIDDEN and the message given', () => {
    const e = refusal(() => requireRole({ caller: beheerder }, CARE_ROLES, 'Only the care roles work with client data.'));
    expect(e.extensions.code).toBe('FORBIDDEN');
    expect(e.message).toBe('Only the care roles work with client data.');
  });

  it('refuses an anonymous caller with UNAUTHENTICATED before looking at roles', () => {
    expect(refusal(() => requireRole({ caller: ANONYMOUS }, CARE_ROLES, 'no')).extensions.code).toBe('UNAUTHENTICATED');
  });
});

describe('requireVersion', () => {
  it('passes a positive integer through', () => {
    expect(requireVersion(1)).toBe(1);
    expect(requireVersion(42)).toBe(42);
  });

  it('refuses zero, negatives and fractions with BAD_USER_INPUT on input.expectedVersion', () => {
    for (const bad of [0, -1, 1.5, Number.NaN]) {
      const e = refusal(() => requireVersion(bad));
      expect(e.extensions.code).toBe('BAD_USER_INPUT');
      expect(e.extensions.field).toBe('input.expectedVersion');
      expect(e.extensions.fields).toEqual([{ path: 'input.expectedVersion', code: 'INVALID', message: 'expectedVersion must be a positive integer.' }]);
    }
  });
});
