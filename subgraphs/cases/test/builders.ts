import { randomBytes, randomUUID } from 'node:crypto';
import { bsnCheckDigit, type OrganizationType, type Role } from '@hub/domain';
import { buildOrganization, dataOf, type TestHub } from '@hub/testing';

export { dataOf } from '@hub/testing';

/** An organisation in the sociale kaart (so the gateway can resolve it) with a token maker for its staff. */
export async function buildOrg(hub: TestHub, type: OrganizationType = 'GEMEENTE', extra: { gemeenteCode?: string; zorgkantoorregio?: string } = {}) {
  const org = await buildOrganization(hub, { type });
  const token = (roles: Role[] = ['CLIENTONDERSTEUNER'], subject = `test-${randomUUID()}`) =>
    hub.tokenFor({ subject, name: 'Test Medewerker', organizationId: org.id, organizationType: type, roles, ...extra });
  return { id: org.id, type, token };
}
export type TestOrg = Awaited<ReturnType<typeof buildOrg>>;

/** Throws with the GraphQL errors when an operation that should succeed did not. */
let bsnCounter = 0;
/** A fresh valid BSN (elfproef) per call, from a range no demo data uses. */
export function newBsn(): string {
  for (;;) {
    bsnCounter++;
    const first8 = String(10_000_000 + (((Date.now() % 1_000_000) * 7 + bsnCounter * 7919) % 89_999_999)).padStart(8, '0');
    const check = bsnCheckDigit(first8);
    if (check !== null) return `${first8}${check}`;
  }
}

export const REGISTER = /* GraphQL */ `
  mutation Register($input: RegisterClientInput!) {
    registerClient(input: $input) { client { id version } }
  }
`;

export function clientInput(overrides: Record<string, unknown> = {}) {
  return {
    bsn: newBsn(),
    name: { givenName: 'Testa', namePrefix: 'van', familyName: 'Proefpersoon' },
    dateOfBirth: '1950-04-12',
    gemeenteCode: 'GM0363',
    contact: { phone: '020-5551234', email: 'testa@example.org' },
    preferredContactChannel: 'PHONE',
    network: [{ name: 'Mantel Zorger', role: 'MANTELZORGER', mayActForClient: false, contact: { phone: '020-5554321' } }],
    ...overrides,
  };
}

export async function registerClient(hub: TestHub, token: string, overrides: Record<string, unknown> = {}) {
  const input = clientInput(overrides);
  const data = dataOf(await hub.graphql<{ registerClient: { client: { id: string; version: number } } }>(REGISTER, { input }, { token }));
  return { ...data.registerClient.client, bsn: input.bsn as string };
}

const OPEN = /* GraphQL */ `
  mutation Open($input: OpenTrajectoryInput!) {
    openTrajectory(input: $input) { trajectory { id version status } }
  }
`;

export async function openTrajectory(hub: TestHub, token: string, clientId: string, overrides: Record<string, unknown> = {}) {
  const input = {
    clientId,
    legalDomain: 'WMO_MAATWERKVOORZIENING',
    journeyPhase: 'BEFORE_INDICATION',
    hulpvraag: 'Ik wil weten welke hulp er is.',
    lifeDomains: ['WONEN'],
    targetGroups: ['OUDEREN'],
    supportForms: ['INFORMATIE_EN_ADVIES'],
    ...overrides,
  };
  const data = dataOf(await hub.graphql<{ openTrajectory: { trajectory: { id: string; version: number } } }>(OPEN, { input }, { token }));
  return data.openTrajectory.trajectory;
}

const RECORD_CONSENT = /* GraphQL */ `
  mutation Record($input: RecordConsentInput!) {
    recordConsent(input: $input) { consent { id version status } }
  }
`;

export async function recordConsent(hub: TestHub, token: string, input: Record<string, unknown>) {
  const full = { categories: ['IDENTITY'], purpose: 'INTEGRATED_SUPPORT', givenBy: 'CLIENT', recordedHow: 'WRITTEN', ...input };
  const data = dataOf(
    await hub.graphql<{ recordConsent: { consent: { id: string; version: number; status: string } } }>(RECORD_CONSENT, { input: full }, { token }),
  );
  return data.recordConsent.consent;
}

export const REVOKE_CONSENT = /* GraphQL */ `
  mutation Revoke($id: ID!, $expectedVersion: Int!) {
    revokeConsent(input: { id: $id, expectedVersion: $expectedVersion }) { consent { id status revokedAt version } }
  }
`;

export const UPDATE_TRAJECTORY = /* GraphQL */ `
  mutation UpdateTrajectory($input: UpdateTrajectoryInput!) {
    updateTrajectory(input: $input) { trajectory { id version } }
  }
`;

export const CLOSE_TRAJECTORY = /* GraphQL */ `
  mutation CloseTrajectory($input: CloseTrajectoryInput!) {
    closeTrajectory(input: $input) { trajectory { id version status closedAt } }
  }
`;

export const closeInput = (overrides: Record<string, unknown> = {}) => ({
  reason: 'GOALS_REACHED',
  outcomes: { selfReliance: [{ lifeDomain: 'WONEN', start: 2, end: 4 }], ownNetworkUsed: true, satisfaction: 8, ...overrides },
});

/** A well-formed access-log line as the referrals subgraph sends it to /internal/access-log; tests break one field at a time. */
export const referralsAccessLogLine = (clientId: string, overrides: Record<string, unknown> = {}) => ({
  eventId: randomUUID(),
  occurredAt: new Date().toISOString(),
  action: 'READ',
  outcome: 'GRANTED',
  userId: 'referrals-user',
  organizationId: randomUUID(),
  role: 'CLIENTONDERSTEUNER',
  clientId,
  dataCategories: ['HANDOVER'],
  authorizationGround: 'CONSENT',
  requestId: randomUUID(),
  traceId: randomBytes(16).toString('hex'),
  accessPoint: 'referrals:-:Referral.question',
  sourceSubgraph: 'referrals',
  ...overrides,
});
