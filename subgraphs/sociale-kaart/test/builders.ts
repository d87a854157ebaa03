import { randomUUID } from 'node:crypto';
import type { Db } from '@hub/db';
import { organization } from '../src/db/schema.ts';
import { termByCode } from '../src/hsds/taxonomies.ts';

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

export type HsdsJson = Record<string, unknown>;

/** An HSDS attribute that points at one of the HSDS-NL taxonomy terms. */
const attr = (key: Parameters<typeof termByCode>[0], code: string) => ({ id: randomUUID(), taxonomy_term_id: termByCode(key, code)?.id });

/** A valid HSDS-NL service with its own new organisation and one location in Amsterdam; tests override parts. */
export function hsdsService(overrides: HsdsJson = {}, organizationId: string = randomUUID()): HsdsJson {
  const id = randomUUID();
  const word = `steunpunt${randomUUID().slice(0, 6)}`;
  return {
    id,
    organization_id: organizationId,
    name: `Steunpunt ${word}`,
    description: 'Cliëntondersteuning voor inwoners met vragen over zorg en geld.',
    status: 'active',
    attributes: [
      attr('financieringsdomein', 'WMO_ALGEMENE_VOORZIENING'),
      attr('leefgebied', 'FINANCIEN_EN_SCHULDEN'),
      attr('ondersteuningsvorm', 'INFORMATIE_EN_ADVIES'),
    ],
    service_areas: [{ id: randomUUID(), name: 'Amsterdam', extent: 'GM0363', extent_type: 'text' }],
    organization: { id: organizationId, name: `Stichting ${word}`, description: 'Een stichting.' },
    service_at_locations: [
      {
        id: randomUUID(),
        location: {
          id: randomUUID(),
          location_type: 'physical',
          name: 'Kantoor',
          addresses: [
            {
              id: randomUUID(),
              address_1: 'Dorpsstraat 1',
              city: 'Amsterdam',
              state_province: 'Noord-Holland',
              postal_code: '1011AB',
              country: 'NL',
              address_type: 'physical',
            },
          ],
        },
      },
    ],
    ...overrides,
  };
}
