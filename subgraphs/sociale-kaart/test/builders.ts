import { randomUUID } from 'node:crypto';
import type { Db } from '@hub/db';
import { organization } from '../src/db/schema.ts';

/** An organisation row straight in the directory, for tests that need an owner for services. */
export async function buildOrganization(db: Db, overrides: Partial<typeof organization.$inferInsert> = {}) {
  const row = { id: randomUUID(), name: `Testorganisatie ${randomUUID().slice(0, 8)}`, type: 'OCO', ...overrides };
  await db.insert(organization).values(row);
  return row;
}

/** A complete, valid service input; tests override what they exercise. */
export function serviceInput(overrides: Record<string, unknown> = {}) {
  return {
    name: `Testdienst ${randomUUID().slice(0, 8)}`,
    description: 'Ondersteuning bij het vinden van passende hulp.',
    legalDomains: ['WMO_ALGEMENE_VOORZIENING'],
    lifeDomains: ['ZORG_EN_ONDERSTEUNING'],
    targetGroups: ['ALLE_INWONERS'],
    supportForms: ['INFORMATIE_EN_ADVIES'],
    serviceArea: { scope: 'GEMEENTEN', gemeenteCodes: ['GM0363'] },
    ...overrides,
  };
}
