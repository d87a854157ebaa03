import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoBsn } from '@hub/domain';
import { rowsOf, sql } from '@hub/db';
import { buildOrganization, dataOf, errorCodes, startTestHub, type GraphQLResult, type Party, type TestHub } from '@hub/testing';
import { serviceInput } from '../../subgraphs/sociale-kaart/test/builders.ts';
import { insertReferrals, makeClientWithTrajectory, REFERRAL_TEST_ENV, referralInput } from '../../subgraphs/referrals/test/helpers.ts';

/**
 * The independence guard: an independent cliëntondersteuner (an OCO) that refers a client to a service of its own
 * organisation is flagged and must say why; the service is checked against the sociale kaart (it exists and is the
 * receiver's), so a forged or borrowed service id cannot dodge the flag. The sociale kaart's fact endpoint answers hub
 * services only, and the referral figures that count the flags answer members of the organisation only.
 */

let hub: TestHub;

const CREATE = `mutation($input: CreateReferralInput!) {
  createReferral(input: $input) { referral { id status version independenceFlag independenceNote toOrganization { id } } }
}`;
const ACCEPT = `mutation($input: AcceptReferralInput!) { acceptReferral(input: $input) { referral { status version } } }`;
const FIGURES = `query($org: ID!, $period: ReportPeriodInput!) {
  referralFigures(organizationId: $org, period: $period) {
    period
    handoversSent { value suppressed display }
    handoversReceived { value suppressed display }
    independenceFlags { value suppressed display }
    rejectionsGiven { reason count { value suppressed } }
    rejectionsReceived { reason count { value suppressed } }
  }
}`;

interface Created {
  id: string;
  status: string;
  version: number;
  independenceFlag: boolean;
  independenceNote: string | null;
  toOrganization: { id: string };
}

/** An organisation in the sociale kaart with one service of its own, and a cliëntondersteuner of it as a party. */
async function orgWithService(type: 'OCO' | 'GEMEENTE') {
  const org = await buildOrganization(hub, { type });
  const beheerder = await hub.tokenFor({ organizationId: org.id, organizationType: type, roles: ['BEHEERDER'] });
  const service = dataOf<{ createService: { service: { id: string } } }>(
    await hub.graphql(`mutation($input: ServiceInput!) { createService(input: $input) { service { id } } }`, { input: serviceInput() }, { token: beheerder }),
  ).createService.service;
  const worker: Party = {
    organizationId: org.id,
    token: await hub.tokenFor({
      organizationId: org.id,
      organizationType: type,
      roles: ['CLIENTONDERSTEUNER'],
      ...(type === 'GEMEENTE' ? { gemeenteCode: 'GM0363' } : {}),
    }),
  };
  return { org, serviceId: service.id, worker };
}

const referralsFrom = async (organizationId: string) =>
  Number(
    rowsOf<{ n: number }>(
      await hub.database.db.execute(sql`select count(*)::int as n from referrals.referral where from_organization_id = ${organizationId}::uuid`),
    )[0]?.n,
  );

const fieldOf = (res: GraphQLResult<unknown>) => res.body.errors?.[0]?.extensions?.field;

async function toOwnService(party: Party, serviceId: string, extra: Record<string, unknown> = {}) {
  const c = await makeClientWithTrajectory(hub, party);
  const input = referralInput({ ...c, toOrganizationId: party.organizationId }, { kind: 'TO_SERVICE', serviceId, ...extra });
  return hub.graphql<{ createReferral: { referral: Created } }>(CREATE, { input }, { token: party.token });
}

beforeAll(async () => {
  hub = await startTestHub({ env: REFERRAL_TEST_ENV });
});
afterAll(async () => {
  await hub?.stop();
});

describe('an OCO referring to a service of its own organisation', () => {
  it('is refused without a note (BAD_USER_INPUT on input.independenceNote) and nothing is written', async () => {
    const { worker, serviceId } = await orgWithService('OCO');
    const res = await toOwnService(worker, serviceId);
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(fieldOf(res)).toBe('input.independenceNote');
    expect(await referralsFrom(worker.organizationId)).toBe(0);
  });

  it('is refused with a note that contains a BSN, and the error does not repeat it', async () => {
    const { worker, serviceId } = await orgWithService('OCO');
    const bsn = demoBsn(7);
    const res = await toOwnService(worker, serviceId, { independenceNote: `Cliënt met BSN ${bsn} wil alleen bij ons blijven.` });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(fieldOf(res)).toBe('input.independenceNote');
    expect(JSON.stringify(res.body)).not.toContain(bsn);
    expect(await referralsFrom(worker.organizationId)).toBe(0);
  });

  it('is refused with a note shorter than 10 characters', async () => {
    const { worker, serviceId } = await orgWithService('OCO');
    const res = await toOwnService(worker, serviceId, { independenceNote: 'want ja' });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(fieldOf(res)).toBe('input.independenceNote');
    expect(await referralsFrom(worker.organizationId)).toBe(0);
  });

  it('is flagged with the note, and the organisation takes the receiver steps itself', async () => {
    const { worker, serviceId } = await orgWithService('OCO');
    const note = 'Alleen onze dagbesteding heeft een plek voor jongeren met NAH in deze gemeente.';
    const created = dataOf(await toOwnService(worker, serviceId, { independenceNote: note })).createReferral.referral;
    expect(created).toMatchObject({ status: 'REQUESTED', independenceFlag: true, independenceNote: note, toOrganization: { id: worker.organizationId } });
    const accepted = dataOf<{ acceptReferral: { referral: { status: string } } }>(
      await hub.graphql(ACCEPT, { input: { id: created.id, expectedVersion: created.version } }, { token: worker.token }),
    );
    expect(accepted.acceptReferral.referral.status).toBe('ACCEPTED');
  });

  it('cannot dodge the flag by naming another receiver for its own service', async () => {
    const { worker, serviceId } = await orgWithService('OCO');
    const other = await buildOrganization(hub, { type: 'ZORGAANBIEDER' });
    const c = await makeClientWithTrajectory(hub, worker);
    const input = referralInput({ ...c, toOrganizationId: other.id }, { kind: 'TO_SERVICE', serviceId });
    const res = await hub.graphql(CREATE, { input }, { token: worker.token });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(fieldOf(res)).toBe('input.serviceId');
    expect(await referralsFrom(worker.organizationId)).toBe(0);
  });

  it('refuses a forged service id that the sociale kaart does not know', async () => {
    const { worker } = await orgWithService('OCO');
    const res = await toOwnService(worker, randomUUID(), { independenceNote: 'Een toelichting die lang genoeg is.' });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(fieldOf(res)).toBe('input.serviceId');
    expect(await referralsFrom(worker.organizationId)).toBe(0);
  });
});

describe('another organisation type referring to a service of its own', () => {
  it('is not flagged and needs no note; a note is refused', async () => {
    const { worker, serviceId } = await orgWithService('GEMEENTE');
    const created = dataOf(await toOwnService(worker, serviceId)).createReferral.referral;
    expect(created).toMatchObject({ status: 'REQUESTED', independenceFlag: false, independenceNote: null });
    const withNote = await toOwnService(worker, serviceId, { independenceNote: 'Een toelichting die lang genoeg is.' });
    expect(errorCodes(withNote)).toEqual(['BAD_USER_INPUT']);
    expect(fieldOf(withNote)).toBe('input.independenceNote');
    expect(await referralsFrom(worker.organizationId)).toBe(1);
  });
});

describe('the sociale kaart service facts', () => {
  const post = (headers: Record<string, string>, serviceIds: string[]) => {
    const base = hub.subgraphUrls['sociale-kaart'];
    if (!base) throw new Error('no sociale-kaart subgraph');
    return fetch(new URL('/internal/service-facts', base), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ serviceIds }),
    });
  };

  it('answers 401 to a caller without the internal secret, or with a wrong one, and tells nothing', async () => {
    const { serviceId } = await orgWithService('OCO');
    const attempts: Record<string, string>[] = [{}, { 'x-hub-internal-secret': 'guessed-secret-guessed-secret-guessed' }];
    for (const headers of attempts) {
      const res = await post(headers, [serviceId]);
      expect(res.status).toBe(401);
      expect(await res.text()).not.toContain(serviceId);
    }
  });

  it('answers ids only, in the order asked, to the hub', async () => {
    const { org, serviceId } = await orgWithService('OCO');
    const unknown = randomUUID();
    const res = await post({ 'x-hub-internal-secret': hub.internalSecret }, [unknown, serviceId]);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      facts: [
        { serviceId: unknown, exists: false, organizationId: null },
        { serviceId, exists: true, organizationId: org.id },
      ],
    });
  });
});

describe('referral figures', () => {
  const sender = randomUUID();
  const receiver = randomUUID();
  const at = (iso: string) => new Date(iso);

  beforeAll(async () => {
    const rows = [
      // March 2025: 6 sent (2 of them flagged); April 2025: 2 sent.
      ...Array.from({ length: 6 }, (_, i) => ({ sentAt: at(`2025-03-1${i}T10:00:00Z`), independenceFlag: i < 2 })),
      ...Array.from({ length: 2 }, (_, i) => ({ sentAt: at(`2025-04-1${i}T10:00:00Z`) })),
      // March 2025: 5 rejected for lack of budget.
      ...Array.from({ length: 5 }, (_, i) => ({
        sentAt: at(`2025-03-0${i + 1}T10:00:00Z`),
        status: 'REJECTED',
        statusChangedAt: at(`2025-03-2${i}T10:00:00Z`),
        rejectionReason: 'NO_FUNDS',
      })),
    ];
    await insertReferrals(
      hub,
      rows.map((r) => ({ clientId: randomUUID(), fromOrganizationId: sender, toOrganizationId: receiver, ...r })),
    );
  });

  const figures = async (org: string, asOrg: string, period: Record<string, unknown>) =>
    hub.graphql<{ referralFigures: Record<string, unknown> }>(
      FIGURES,
      { org, period },
      { token: await hub.tokenFor({ organizationId: asOrg, organizationType: 'OCO', roles: ['CLIENTONDERSTEUNER'] }) },
    );

  it('counts for the organisation, withholding 1 to 4 and a period whose unpublished part would be 1 to 4', async () => {
    const march = dataOf<{ referralFigures: Record<string, unknown> }>(await figures(sender, sender, { kind: 'MONTH', year: 2025, number: 3 })).referralFigures;
    expect(march).toMatchObject({
      period: '2025-03',
      handoversSent: { value: 11, suppressed: false },
      handoversReceived: { value: 0, suppressed: false },
      independenceFlags: { value: null, suppressed: true, display: 'withheld' },
    });
    expect(march.rejectionsReceived).toContainEqual({ reason: 'NO_FUNDS', count: { value: 5, suppressed: false } });
    expect(march.rejectionsGiven).toContainEqual({ reason: 'NO_FUNDS', count: { value: 0, suppressed: false } });
    expect((march.rejectionsGiven as unknown[]).length).toBe(10);

    const april = dataOf<{ referralFigures: Record<string, unknown> }>(await figures(sender, sender, { kind: 'MONTH', year: 2025, number: 4 })).referralFigures;
    expect(april.handoversSent).toEqual({ value: null, suppressed: true, display: 'withheld' });
    // The half year holds 13: published March (11) leaves 2, which would give April away.
    const half = dataOf<{ referralFigures: Record<string, unknown> }>(
      await figures(sender, sender, { kind: 'HALF_YEAR', year: 2025, number: 1 }),
    ).referralFigures;
    expect(half.handoversSent).toEqual({ value: null, suppressed: true, display: 'withheld' });

    const received = dataOf<{ referralFigures: Record<string, unknown> }>(
      await figures(receiver, receiver, { kind: 'QUARTER', year: 2025, number: 1 }),
    ).referralFigures;
    expect(received).toMatchObject({ handoversSent: { value: 0 }, handoversReceived: { value: 11 } });
    expect(received.rejectionsGiven).toContainEqual({ reason: 'NO_FUNDS', count: { value: 5, suppressed: false } });
  });

  it('answers another organisation FORBIDDEN, with no figures', async () => {
    const res = await figures(sender, randomUUID(), { kind: 'QUARTER', year: 2025, number: 1 });
    expect(errorCodes(res)).toEqual(['FORBIDDEN']);
    expect(res.body.data).toBeNull();
  });

  it('refuses a period that has not ended', async () => {
    const year = new Date().getUTCFullYear() + 1;
    const res = await figures(sender, sender, { kind: 'YEAR', year });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
  });
});
