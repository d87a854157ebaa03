import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf, sql } from '@hub/db';
import { amsterdamDate } from '@hub/domain';
import { startTestHub, type GraphQLResult, type TestHub } from '@hub/testing';
import { buildOrg, dataOf, newBsn, openTrajectory, recordConsent, registerClient, REVOKE_CONSENT, type TestOrg } from '../../subgraphs/cases/test/builders.ts';
import { CREATE_REFERRAL, REFERRAL_TEST_ENV, referralInput } from '../../subgraphs/referrals/test/helpers.ts';

/**
 * The vast gezicht (a trajectory's cliëntondersteuner with work contacts and availability), the warm handover that
 * says the same person continues, and the gemeente's wijsplicht on a Wmo melding, attacked: an organisation that is no
 * party changes someone else's trajectory, a BSN hides in the free text, a referral claims a person of a trajectory
 * that is not the sender's, a receiver without consent reads the person, an organisation that is no gemeente records
 * the wijsplicht. Each attempt goes through the gateway and straight at the subgraph with the gateway secret, and
 * each refusal leaves the data as it was.
 */

let hub: TestHub;
let oco: TestOrg;
let ocoToken: string;
let zk: TestOrg;
let zkToken: string;
let gemeente: TestOrg;
let toegangToken: string;

const SET = /* GraphQL */ `
  mutation Set($input: SetTrajectoryCounsellorInput!) {
    setTrajectoryCounsellor(input: $input) { trajectory { id version counsellor { name workPhone workEmail availability } } }
  }
`;
const WIJSPLICHT = /* GraphQL */ `
  mutation Wijsplicht($input: RecordWijsplichtInput!) {
    recordWijsplicht(input: $input) { trajectory { id version wijsplicht { pointedOn outcome note } } }
  }
`;
const READ_REFERRAL = /* GraphQL */ `
  query Read($id: ID!) { referral(id: $id) { id sameCounsellorContinues continuingCounsellor { name workPhone workEmail availability } } }
`;

const PERSON = { name: 'Sanne de Vries', formality: 'FORMAL', workPhone: '020-5551234', workEmail: 'sanne@oco.example', availability: 'ma, di en do 9–17 uur' };

type Via = 'gateway' | 'subgraph';
const VIAS: Via[] = ['gateway', 'subgraph'];

function send<T>(via: Via, subgraph: string, query: string, variables: Record<string, unknown>, token: string): Promise<GraphQLResult<T>> {
  if (via === 'gateway') return hub.graphql<T>(query, variables, { token });
  return hub.directSubgraphRequest<T>(subgraph, query, { secret: hub.subgraphSecrets[subgraph], token, variables });
}

const codeOf = (res: GraphQLResult<unknown>) => res.body.errors?.[0]?.extensions?.code;
const fieldOf = (res: GraphQLResult<unknown>) => res.body.errors?.[0]?.extensions?.field;

async function trajectoryRow(id: string) {
  const [row] = rowsOf<{ version: number; counsellor: Record<string, unknown>; wijsplicht: unknown }>(
    await hub.database.db.execute(sql`select version, counsellor, wijsplicht from cases.trajectory where id = ${id}::uuid`),
  );
  if (!row) throw new Error('no trajectory row');
  return row;
}

async function accessLines(clientId: string, field: string) {
  return rowsOf<{ action: string; outcome: string; data_categories: string[]; organization_id: string }>(
    await hub.database.db.execute(
      sql`select action, outcome, data_categories, organization_id from cases.access_log
          where client_id = ${clientId}::uuid and access_point like ${`%${field}%`} order by occurred_at`,
    ),
  );
}

beforeAll(async () => {
  hub = await startTestHub({ env: REFERRAL_TEST_ENV });
  oco = await buildOrg(hub, 'OCO');
  ocoToken = await oco.token(['CLIENTONDERSTEUNER']);
  zk = await buildOrg(hub, 'ZORGKANTOOR', { zorgkantoorregio: 'ZK02' });
  zkToken = await zk.token(['ZORGBEMIDDELAAR']);
  gemeente = await buildOrg(hub, 'GEMEENTE', { gemeenteCode: 'GM0363' });
  toegangToken = await gemeente.token(['TOEGANG']);
}, 120_000);

afterAll(async () => {
  await hub?.stop();
});

describe.each(VIAS)('vast gezicht on the trajectory (%s)', (via) => {
  it('the owning organisation names the person with work contacts; the change is logged as HANDOVER', async () => {
    const c = await registerClient(hub, ocoToken);
    const t = await openTrajectory(hub, ocoToken, c.id);
    const res = await send<{ setTrajectoryCounsellor: { trajectory: { version: number; counsellor: unknown } } }>(
      via,
      'cases',
      SET,
      { input: { id: t.id, expectedVersion: t.version, counsellor: PERSON } },
      ocoToken,
    );
    const { formality: _f, ...shown } = PERSON;
    expect(dataOf(res).setTrajectoryCounsellor.trajectory.counsellor).toEqual(shown);
    const lines = await accessLines(c.id, 'Mutation.setTrajectoryCounsellor');
    expect(lines).toEqual([{ action: 'UPDATE', outcome: 'GRANTED', data_categories: ['HANDOVER'], organization_id: oco.id }]);
    // A stale version changes nothing.
    const stale = await send(
      via,
      'cases',
      SET,
      { input: { id: t.id, expectedVersion: t.version, counsellor: { ...PERSON, name: 'Iemand Anders' } } },
      ocoToken,
    );
    expect(codeOf(stale)).toBe('CONFLICT');
    expect((await trajectoryRow(t.id)).counsellor.name).toBe(PERSON.name);
  });

  it('an organisation that is no party cannot set the counsellor of someone else’s trajectory, nor learn it exists', async () => {
    const c = await registerClient(hub, ocoToken);
    const t = await openTrajectory(hub, ocoToken, c.id);
    const stranger = await (await buildOrg(hub, 'OCO')).token(['CLIENTONDERSTEUNER']);
    const attempt = await send(via, 'cases', SET, { input: { id: t.id, expectedVersion: t.version, counsellor: PERSON } }, stranger);
    const unknown = await send(via, 'cases', SET, { input: { id: crypto.randomUUID(), expectedVersion: 1, counsellor: PERSON } }, stranger);
    expect(codeOf(attempt)).toBe('NOT_FOUND');
    expect(attempt.body.errors?.[0]?.message).toBe(unknown.body.errors?.[0]?.message);
    // A receiver that sees the trajectory through the client's consent may still not change it.
    await recordConsent(hub, ocoToken, { clientId: c.id, receivingOrganizationId: zk.id, categories: ['HANDOVER'], purpose: 'INTEGRATED_SUPPORT' });
    const receiver = await send(via, 'cases', SET, { input: { id: t.id, expectedVersion: t.version, counsellor: PERSON } }, zkToken);
    expect(codeOf(receiver)).toBe('FORBIDDEN');
    // Another role of the owner (no care role) is refused too.
    const beheerder = await send(via, 'cases', SET, { input: { id: t.id, expectedVersion: t.version, counsellor: PERSON } }, await oco.token(['BEHEERDER']));
    expect(codeOf(beheerder)).toBe('FORBIDDEN');
    const row = await trajectoryRow(t.id);
    expect(row.version).toBe(t.version);
    expect(row.counsellor.workPhone ?? null).toBeNull();
  });

  it('refuses a BSN in the availability and malformed work contacts, with the field, without repeating the input', async () => {
    const c = await registerClient(hub, ocoToken);
    const t = await openTrajectory(hub, ocoToken, c.id);
    const bsn = newBsn();
    const cases: [Record<string, unknown>, string][] = [
      [{ availability: `bel mij, bsn cliënt ${bsn}` }, 'input.counsellor.availability'],
      [{ availability: `bsn ${bsn.slice(0, 3)} ${bsn.slice(3, 6)} ${bsn.slice(6)}` }, 'input.counsellor.availability'],
      [{ availability: 'x'.repeat(201) }, 'input.counsellor.availability'],
      [{ workPhone: 'bel maar' }, 'input.counsellor.workPhone'],
      [{ workEmail: 'sanne at oco' }, 'input.counsellor.workEmail'],
    ];
    for (const [change, field] of cases) {
      const res = await send(via, 'cases', SET, { input: { id: t.id, expectedVersion: t.version, counsellor: { ...PERSON, ...change } } }, ocoToken);
      expect(codeOf(res), field).toBe('BAD_USER_INPUT');
      expect(fieldOf(res), field).toBe(field);
      expect(JSON.stringify(res.body)).not.toContain(bsn);
    }
    expect((await trajectoryRow(t.id)).version).toBe(t.version);
    expect(await accessLines(c.id, 'Mutation.setTrajectoryCounsellor')).toEqual([]);
  });
});

describe('the same cliëntondersteuner continues after a warm handover', () => {
  /** An OCO trajectory with a named person, and a WARM_HANDOVER consent for the zorgkantoor. */
  async function handoverSetup() {
    const c = await registerClient(hub, ocoToken);
    const t = await openTrajectory(hub, ocoToken, c.id);
    dataOf(await hub.graphql(SET, { input: { id: t.id, expectedVersion: t.version, counsellor: PERSON } }, { token: ocoToken }));
    const consent = await recordConsent(hub, ocoToken, {
      clientId: c.id,
      receivingOrganizationId: zk.id,
      categories: ['HANDOVER', 'QUESTION', 'IDENTITY'],
      purpose: 'WARM_HANDOVER',
    });
    return { c, t, consent };
  }

  it('carries the person of the sender’s own trajectory; the input cannot name anyone else', async () => {
    const { c, t } = await handoverSetup();
    // A person smuggled in the input is not part of the API.
    const smuggled = await hub.graphql(
      CREATE_REFERRAL,
      {
        input: referralInput(
          { clientId: c.id, trajectoryId: t.id, toOrganizationId: zk.id },
          { sameCounsellorContinues: true, continuingCounsellor: { name: 'Nep Persoon', workPhone: '0612345678' } },
        ),
      },
      { token: ocoToken },
    );
    expect(codeOf(smuggled)).toBe('BAD_USER_INPUT');
    const created = dataOf(
      await hub.graphql<{ createReferral: { referral: { id: string } } }>(
        CREATE_REFERRAL,
        { input: referralInput({ clientId: c.id, trajectoryId: t.id, toOrganizationId: zk.id }, { sameCounsellorContinues: true }) },
        { token: ocoToken },
      ),
    ).createReferral.referral;
    const read = dataOf(await hub.graphql<{ referral: { continuingCounsellor: unknown } }>(READ_REFERRAL, { id: created.id }, { token: zkToken }));
    const { formality: _f, ...shown } = PERSON;
    expect(read.referral.continuingCounsellor).toEqual(shown);
  });

  it('keeps a volunteer who continues a volunteer on the receiver’s trajectory', async () => {
    const c = await registerClient(hub, ocoToken);
    const t = await openTrajectory(hub, ocoToken, c.id);
    const volunteer = { ...PERSON, name: 'Bram Hendriks', formality: 'INFORMAL' };
    dataOf(await hub.graphql(SET, { input: { id: t.id, expectedVersion: t.version, counsellor: volunteer } }, { token: ocoToken }));
    await recordConsent(hub, ocoToken, {
      clientId: c.id,
      receivingOrganizationId: zk.id,
      categories: ['HANDOVER', 'QUESTION', 'IDENTITY'],
      purpose: 'WARM_HANDOVER',
    });
    const created = dataOf(
      await hub.graphql<{ createReferral: { referral: { id: string; version: number } } }>(
        CREATE_REFERRAL,
        { input: referralInput({ clientId: c.id, trajectoryId: t.id, toOrganizationId: zk.id }, { sameCounsellorContinues: true }) },
        { token: ocoToken },
      ),
    ).createReferral.referral;
    dataOf(
      await hub.graphql(
        'mutation ($input: AcceptReferralInput!) { acceptReferral(input: $input) { referral { status } } }',
        { input: { id: created.id, expectedVersion: created.version } },
        { token: zkToken },
      ),
    );
    const opened = dataOf(
      await hub.graphql<{ openTrajectory: { trajectory: { counsellor: { name: string; formality: string } } } }>(
        'mutation ($input: OpenTrajectoryInput!) { openTrajectory(input: $input) { trajectory { counsellor { name formality } } } }',
        {
          input: {
            clientId: c.id,
            handoverReferralId: created.id,
            legalDomain: 'WLZ',
            journeyPhase: 'AFTER_INDICATION',
            hulpvraag: 'Een passende plek, met dezelfde vrijwilliger erbij.',
          },
        },
        { token: zkToken },
      ),
    );
    expect(opened.openTrajectory.trajectory.counsellor).toEqual({ name: 'Bram Hendriks', formality: 'INFORMAL' });
  });

  it('refuses a referral that claims a continuing person for a trajectory that is not the sender’s', async () => {
    const { c, t } = await handoverSetup();
    // Another organisation, with its own relation to the client, names the OCO's trajectory as its source.
    const other = await buildOrg(hub, 'GEMEENTE', { gemeenteCode: 'GM0363' });
    const otherToken = await other.token(['CLIENTONDERSTEUNER']);
    await openTrajectory(hub, otherToken, c.id, { bsn: c.bsn });
    await recordConsent(hub, otherToken, { clientId: c.id, receivingOrganizationId: zk.id, categories: ['HANDOVER'], purpose: 'WARM_HANDOVER' });
    for (const via of VIAS) {
      const res = await send(
        via,
        'referrals',
        CREATE_REFERRAL,
        { input: referralInput({ clientId: c.id, trajectoryId: t.id, toOrganizationId: zk.id }, { sameCounsellorContinues: true }) },
        otherToken,
      );
      expect(codeOf(res), via).toBe('BAD_USER_INPUT');
      expect(fieldOf(res), via).toBe('input.sourceTrajectoryId');
    }
    const [count] = rowsOf<{ n: number }>(
      await hub.database.db.execute(sql`select count(*)::int as n from referrals.referral where source_trajectory_id = ${t.id}::uuid`),
    );
    expect(count?.n).toBe(0);
  });

  it('the receiver sees the person only with the consent; another organisation gets nothing; the sender always', async () => {
    const { c, t, consent } = await handoverSetup();
    const created = dataOf(
      await hub.graphql<{ createReferral: { referral: { id: string } } }>(
        CREATE_REFERRAL,
        { input: referralInput({ clientId: c.id, trajectoryId: t.id, toOrganizationId: zk.id }, { sameCounsellorContinues: true }) },
        { token: ocoToken },
      ),
    ).createReferral.referral;
    dataOf(await hub.graphql(REVOKE_CONSENT, { id: consent.id, expectedVersion: consent.version }, { token: ocoToken }));
    for (const via of VIAS) {
      const receiver = await send<{ referral: { sameCounsellorContinues: boolean; continuingCounsellor: unknown } | null }>(
        via,
        'referrals',
        READ_REFERRAL,
        { id: created.id },
        zkToken,
      );
      expect(receiver.body.data?.referral?.continuingCounsellor ?? null, via).toBeNull();
      const refusal = receiver.body.errors?.find((e) => JSON.stringify(e.path) === JSON.stringify(['referral', 'continuingCounsellor']));
      expect(refusal?.extensions, via).toMatchObject({ code: 'CONSENT_REQUIRED', category: 'HANDOVER' });
      expect(JSON.stringify(receiver.body), via).not.toContain(PERSON.workPhone);
      const stranger = await send<{ referral: unknown }>(via, 'referrals', READ_REFERRAL, { id: created.id }, await (await buildOrg(hub, 'OCO')).token());
      expect(stranger.body.data?.referral ?? null, via).toBeNull();
      expect(JSON.stringify(stranger.body), via).not.toContain(PERSON.name);
      const sender = dataOf(
        await send<{ referral: { continuingCounsellor: { name: string } } }>(via, 'referrals', READ_REFERRAL, { id: created.id }, ocoToken),
      );
      expect(sender.referral.continuingCounsellor.name, via).toBe(PERSON.name);
    }
    // Every read of the gated field, refused or granted, is in the client's access log.
    const lines = await accessLines(c.id, 'Referral.continuingCounsellor');
    expect(lines.filter((l) => l.outcome === 'REFUSED' && l.organization_id === zk.id)).toHaveLength(2);
    expect(lines.filter((l) => l.outcome === 'GRANTED' && l.organization_id === oco.id)).toHaveLength(2);
  });
});

describe.each(VIAS)('wijsplicht on a Wmo melding (%s)', (via) => {
  const today = () => amsterdamDate(new Date());

  it('the gemeente’s toegang records it; the change is logged', async () => {
    const c = await registerClient(hub, toegangToken);
    const t = await openTrajectory(hub, toegangToken, c.id);
    const res = await send<{ recordWijsplicht: { trajectory: { wijsplicht: unknown } } }>(
      via,
      'cases',
      WIJSPLICHT,
      { input: { id: t.id, expectedVersion: t.version, pointedOn: today(), outcome: 'UNDECIDED' } },
      toegangToken,
    );
    expect(dataOf(res).recordWijsplicht.trajectory.wijsplicht).toEqual({ pointedOn: today(), outcome: 'UNDECIDED', note: null });
    expect(await accessLines(c.id, 'Mutation.recordWijsplicht')).toEqual([
      { action: 'UPDATE', outcome: 'GRANTED', data_categories: ['HANDOVER'], organization_id: gemeente.id },
    ]);
  });

  it('refuses another organisation type, another role, a stranger, another legal domain, a future day and a BSN in the note', async () => {
    const c = await registerClient(hub, toegangToken);
    const t = await openTrajectory(hub, toegangToken, c.id);
    const wlz = await openTrajectory(hub, toegangToken, c.id, { legalDomain: 'WLZ' });
    const ocoClient = await registerClient(hub, ocoToken);
    const ocoWmo = await openTrajectory(hub, ocoToken, ocoClient.id);
    const bsn = newBsn();
    const tomorrow = amsterdamDate(new Date(Date.now() + 2 * 86_400_000));
    const input = (extra: Record<string, unknown> = {}) => ({ id: t.id, expectedVersion: t.version, pointedOn: today(), outcome: 'ACCEPTED', ...extra });
    const attempts: [string, Record<string, unknown>, string, string, string | undefined][] = [
      ['an OCO on its own Wmo trajectory', input({ id: ocoWmo.id, expectedVersion: ocoWmo.version }), ocoToken, 'FORBIDDEN', undefined],
      ['a zorgbemiddelaar of a zorgkantoor', input(), zkToken, 'FORBIDDEN', undefined],
      ['a ZORGBEMIDDELAAR role at the gemeente', input(), await gemeente.token(['ZORGBEMIDDELAAR']), 'FORBIDDEN', undefined],
      ['another gemeente', input(), await (await buildOrg(hub, 'GEMEENTE', { gemeenteCode: 'GM0363' })).token(['TOEGANG']), 'NOT_FOUND', undefined],
      ['a Wlz trajectory', input({ id: wlz.id, expectedVersion: wlz.version }), toegangToken, 'BAD_USER_INPUT', 'input.id'],
      ['a day in the future', input({ pointedOn: tomorrow }), toegangToken, 'BAD_USER_INPUT', 'input.pointedOn'],
      ['a day before the melding', input({ pointedOn: '2020-01-01' }), toegangToken, 'BAD_USER_INPUT', 'input.pointedOn'],
      ['a BSN in the note', input({ note: `cliënt ${bsn} wil het niet` }), toegangToken, 'BAD_USER_INPUT', 'input.note'],
    ];
    for (const [label, attempt, token, code, field] of attempts) {
      const res = await send(via, 'cases', WIJSPLICHT, { input: attempt }, token);
      expect(codeOf(res), label).toBe(code);
      if (field) expect(fieldOf(res), label).toBe(field);
      expect(JSON.stringify(res.body), label).not.toContain(bsn);
    }
    for (const id of [t.id, wlz.id, ocoWmo.id]) expect((await trajectoryRow(id)).wijsplicht, id).toBeNull();
    expect(await accessLines(c.id, 'Mutation.recordWijsplicht')).toEqual([]);
  });

  it('another organisation reads the wijsplicht only with the client’s HANDOVER consent', async () => {
    const c = await registerClient(hub, toegangToken);
    const t = await openTrajectory(hub, toegangToken, c.id);
    dataOf(
      await hub.graphql(WIJSPLICHT, { input: { id: t.id, expectedVersion: t.version, pointedOn: today(), outcome: 'ACCEPTED' } }, { token: toegangToken }),
    );
    const reader = await buildOrg(hub, 'OCO');
    await recordConsent(hub, toegangToken, { clientId: c.id, receivingOrganizationId: reader.id, categories: ['QUESTION'], purpose: 'INTEGRATED_SUPPORT' });
    const READ = `query($id: ID!) { trajectory(id: $id) { id wijsplicht { outcome } } }`;
    const refused = await send<{ trajectory: { wijsplicht: unknown } | null }>(via, 'cases', READ, { id: t.id }, await reader.token());
    expect(refused.body.data?.trajectory?.wijsplicht ?? null).toBeNull();
    expect(codeOf(refused)).toBe('CONSENT_REQUIRED');
    const other = await buildOrg(hub, 'OCO');
    await recordConsent(hub, toegangToken, { clientId: c.id, receivingOrganizationId: other.id, categories: ['HANDOVER'], purpose: 'INTEGRATED_SUPPORT' });
    const granted = dataOf(await send<{ trajectory: { wijsplicht: { outcome: string } } }>(via, 'cases', READ, { id: t.id }, await other.token()));
    expect(granted.trajectory.wijsplicht.outcome).toBe('ACCEPTED');
  });
});
